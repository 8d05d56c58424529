/**
 * A message in the pane: a Fluent MessageBar laid out on several lines, its text wrapping so that
 * the pane never scrolls sideways at 320 px, with an optional title and an optional bullet list of
 * details (the problems a file has, the tables missing).
 */
import {
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  type MessageBarIntent,
} from "@fluentui/react-components";
import type { ReactNode } from "react";
import { useStepStyles } from "./styles";

export interface StatusMessageProps {
  intent: MessageBarIntent;
  title?: ReactNode;
  /** The message itself, after the title. */
  children?: ReactNode;
  /** Details, one bullet each; no list when empty. */
  lines?: readonly string[];
  /**
   * What the text names (files, tables) wraps only at spaces and punctuation, like a list of names,
   * rather than anywhere: the message's body when there are no lines, else each line.
   */
  names?: boolean;
}

export function StatusMessage({ intent, title, children, lines, names }: StatusMessageProps) {
  const shared = useStepStyles();
  const namesInBody = names === true && lines === undefined;
  const namesInLines = names === true && lines !== undefined;
  return (
    <MessageBar layout="multiline" intent={intent}>
      <MessageBarBody
        className={namesInBody ? shared.separators : shared.wrap}
        data-label={namesInBody || undefined}
      >
        {title !== undefined && <MessageBarTitle>{title}</MessageBarTitle>}
        {children}
        {lines !== undefined && lines.length > 0 && (
          <ul className={shared.bulletList}>
            {lines.map((line, i) => (
              <li
                key={i}
                className={namesInLines ? shared.separators : undefined}
                data-label={namesInLines || undefined}
              >
                {line}
              </li>
            ))}
          </ul>
        )}
      </MessageBarBody>
    </MessageBar>
  );
}
