import { fill, messages, pickLocale } from "../../src/taskpane/messages";
import type { Messages } from "../../src/taskpane/messages";

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("messages", () => {
  test("both locales have the same keys", () => {
    expect(Object.keys(messages["en-US"]).sort()).toEqual(Object.keys(messages["zh-CN"]).sort());
  });

  test("no text is empty", () => {
    for (const table of Object.values(messages))
      for (const [key, text] of Object.entries(table))
        expect([key, text.trim()]).not.toEqual([key, ""]);
  });

  test("each text takes the same values in both locales", () => {
    for (const [key, text] of Object.entries(messages["zh-CN"]))
      expect([key, placeholders(messages["en-US"][key as keyof Messages])]).toEqual([
        key,
        placeholders(text),
      ]);
  });

  test("picks English for an English Office, Chinese otherwise", () => {
    expect(pickLocale("en-US")).toBe("en-US");
    expect(pickLocale("EN-gb")).toBe("en-US");
    expect(pickLocale("zh-CN")).toBe("zh-CN");
    expect(pickLocale("fr-FR")).toBe("zh-CN");
    expect(pickLocale(undefined)).toBe("zh-CN");
  });

  test("fills in values and leaves unknown names alone", () => {
    expect(fill("{a} 与 {b}", { a: 1, b: "二" })).toBe("1 与 二");
    expect(fill("{a} {missing}", { a: 0 })).toBe("0 {missing}");
  });
});
