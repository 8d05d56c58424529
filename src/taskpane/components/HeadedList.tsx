/**
 * A short list under its own heading (what was changed, notes, the sheets to be made): a section
 * named by its h3, the items wrapping so that the pane never scrolls sideways at 320 px.
 */
import { mergeClasses } from "@fluentui/react-components";
import type { ReactNode } from "react";
import { useStepStyles } from "./styles";

export interface HeadedListProps {
  /** The heading's id, which names the section. */
  id: string;
  heading: ReactNode;
  items: readonly ReactNode[];
  /** Numbered (ol) rather than bulleted (ul). */
  ordered?: boolean;
  /** Each item names things (tables, cells): wrapped only at spaces and punctuation. */
  names?: boolean;
}

export function HeadedList({ id, heading, items, ordered, names }: HeadedListProps) {
  const shared = useStepStyles();
  const List = ordered ? "ol" : "ul";
  return (
    <section aria-labelledby={id}>
      <h3 id={id} className={shared.subheading}>
        {heading}
      </h3>
      <List className={mergeClasses(shared.bulletList, shared.wrap)}>
        {items.map((item, i) => (
          <li
            key={i}
            className={names ? shared.separators : undefined}
            data-label={names || undefined}
          >
            {item}
          </li>
        ))}
      </List>
    </section>
  );
}
