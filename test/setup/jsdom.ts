/**
 * What the pane expects of a browser that jest's jsdom does not have: TextEncoder/TextDecoder (the
 * docx and xlsx writers), ResizeObserver (MessageBar reflow), matchMedia (reduced-motion queries)
 * and Element.animate (the dialogs' motions). Imported first by the component tests; under
 * the node environment it does nothing.
 */
import { TextDecoder, TextEncoder } from "util";

/* global window, Element */

if (typeof window !== "undefined") {
  if (typeof globalThis.TextEncoder === "undefined")
    Object.assign(globalThis, { TextEncoder, TextDecoder });
  if (!("ResizeObserver" in window)) {
    class ResizeObserver {
      observe(): void {}
      unobserve(): void {}
      disconnect(): void {}
    }
    Object.assign(window, { ResizeObserver });
  }
  if (!window.matchMedia) {
    window.matchMedia = (query: string) =>
      ({
        matches: false,
        media: query,
        onchange: null,
        addListener: () => undefined,
        removeListener: () => undefined,
        addEventListener: () => undefined,
        removeEventListener: () => undefined,
        dispatchEvent: () => false,
      }) as MediaQueryList;
  }
  if (!Element.prototype.animate) {
    // A motion that has already finished: Fluent's presence components then settle at once.
    Element.prototype.animate = function animate() {
      const animation = {
        finished: Promise.resolve(),
        onfinish: null as null | (() => void),
        cancel: () => undefined,
        finish: () => undefined,
        pause: () => undefined,
        play: () => undefined,
        reverse: () => undefined,
        persist: () => undefined,
        commitStyles: () => undefined,
        playState: "finished",
        currentTime: 0,
        addEventListener: () => undefined,
        removeEventListener: () => undefined,
      };
      return animation as unknown as Animation;
    };
  }
}

export {};
