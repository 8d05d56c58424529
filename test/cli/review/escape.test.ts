import { escapeHtml, jsonForScript } from "../../../src/cli/review/escape";

describe("escapeHtml", () => {
  test("escapes what could open a tag, end an attribute or start an entity", () => {
    expect(escapeHtml(`<img src=x onerror="a('1')">&`)).toBe(
      "&lt;img src=x onerror=&quot;a(&#39;1&#39;)&quot;&gt;&amp;"
    );
    expect(escapeHtml("中国共产党曲阳县委员会组织部")).toBe("中国共产党曲阳县委员会组织部");
  });
});

describe("jsonForScript", () => {
  const hostile = {
    name: "</script><script>alert(1)</script><!-- & \u2028\u2029",
    nested: ["<b>", { x: "-->" }],
  };

  test("cannot close the script element or open a comment", () => {
    const text = jsonForScript(hostile);
    expect(text).not.toMatch(/[<>&\u2028\u2029]/);
  });

  test("reads back unchanged", () => {
    expect(JSON.parse(jsonForScript(hostile))).toEqual(hostile);
  });
});
