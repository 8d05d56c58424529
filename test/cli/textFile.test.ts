import { decodeText } from "../../src/cli/textFile";

describe("decodeText", () => {
  test("reads UTF-8, without its BOM", () => {
    expect(decodeText(Buffer.from("\uFEFF一、本部门职责\n", "utf8"))).toBe("一、本部门职责\n");
    expect(decodeText(Buffer.from("二、机构设置情况", "utf8"))).toBe("二、机构设置情况");
  });

  test("reads what Notepad saves on a Chinese Windows (GB18030) instead of garbling it", () => {
    // 一、本部门职责 in GBK.
    const gbk = Buffer.from("d2bba1a2b1beb2bfc3c5d6b0d4f0", "hex");
    expect(decodeText(gbk)).toBe("一、本部门职责");
  });

  test("ASCII is the same in both", () => {
    expect(decodeText(Buffer.from("duties 2024", "ascii"))).toBe("duties 2024");
  });
});
