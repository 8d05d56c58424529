/**
 * A name (a file, a department, a sheet) that is never broken inside a word: kept on one line, cut
 * with an ellipsis at 320 px, the whole name in its tooltip. `data-label` lets the browser test
 * measure it at 320 px.
 */
import { mergeClasses } from "@fluentui/react-components";
import type { ElementType } from "react";
import { useStepStyles } from "./styles";

export interface WholeLabelProps {
  text: string;
  /** The element or component it is: a span unless said otherwise (dd, h4, Caption1…). */
  as?: ElementType;
  /** Its own styles, before the shared label style. */
  className?: string;
}

export function WholeLabel({ text, as: As = "span", className }: WholeLabelProps) {
  const shared = useStepStyles();
  return (
    <As
      className={className === undefined ? shared.label : mergeClasses(className, shared.label)}
      title={text}
      data-label
    >
      {text}
    </As>
  );
}
