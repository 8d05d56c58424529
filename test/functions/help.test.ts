/*
 * help.html, the page every @helpurl and the manifest's SupportUrl open: it documents each function
 * the metadata declares (its parameters, an example, its errors), stays offline, and its
 * Content-Security-Policy allows exactly its own style.
 */
import { createHash } from "crypto";
import * as fs from "fs";
import * as path from "path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";

const ROOT = path.resolve(__dirname, "..", "..");
const HELP = fs.readFileSync(path.join(ROOT, "src", "functions", "help.html"), "utf8");

interface FunctionMetadata {
  id: string;
  helpUrl?: string;
  parameters: { name: string; optional?: boolean }[];
}
let functions: FunctionMetadata[];

beforeAll(async () => {
  const generated = await generateCustomFunctionsMetadata(
    path.join(ROOT, "src", "functions", "functions.ts")
  );
  functions = (JSON.parse(generated.metadataJson) as { functions: FunctionMetadata[] }).functions;
}, 120_000);

/** The HTML of the <section id="…"> element. */
function section(id: string): string {
  const start = HELP.indexOf(`<section id="${id}"`);
  if (start < 0) throw new Error(`help.html has no section #${id}`);
  return HELP.slice(start, HELP.indexOf("</section>", start));
}

describe("help.html", () => {
  test("every function links to its own section of help.html", () => {
    expect(functions.map((f) => f.id)).toEqual(
      expect.arrayContaining(["ROLLUP", "SUM", "CHECK", "NAME", "AMOUNT", "WANYUAN"])
    );
    for (const f of functions) {
      expect(f.helpUrl).toBe(`https://localhost:3000/help.html#${f.id.toLowerCase()}`);
      expect(HELP).toContain(`href="#${f.id.toLowerCase()}"`); // in the 目录
    }
  });

  test("documents each function's syntax, parameters, an example and its errors", () => {
    for (const f of functions) {
      const text = section(f.id.toLowerCase());
      const name = `BUDGET.${f.id}`;
      expect(text).toContain(`${name} — `);
      expect(text).toMatch(new RegExp(`=${name.replace(".", "\\.")}\\(`)); // syntax and examples
      expect(
        text.match(new RegExp(`<code class="formula">=${name.replace(".", "\\.")}\\(`, "g"))!.length
      ).toBeGreaterThanOrEqual(2);
      for (const p of f.parameters) {
        expect(`${f.id} ${p.name}: ${text.includes(`<td><code>${p.name}</code></td>`)}`).toBe(
          `${f.id} ${p.name}: true`
        );
        const required = text.includes(`<td><code>${p.name}</code></td><td>是</td>`);
        expect(`${f.id} ${p.name} required: ${required}`).toBe(
          `${f.id} ${p.name} required: ${!p.optional}`
        );
      }
      expect(text).toContain("<h3>错误</h3>");
      expect(text).toMatch(/#VALUE!|#N\/A/);
    }
  });

  test("is Chinese first, with English where useful, one h1 and headings in order", () => {
    expect(HELP).toMatch(/<html lang="zh-CN">/);
    expect(HELP.match(/<h1[ >]/g)).toHaveLength(1);
    expect(HELP).toContain('lang="en"');
    expect(HELP).toMatch(/<title>[^<]*[\u4e00-\u9fff][^<]*<\/title>/);
  });

  test("loads nothing: no script, stylesheet link, image, font, frame or remote URL", () => {
    expect(HELP).not.toMatch(/<(script|link|img|iframe|object|embed|base|form)\b/i);
    expect(HELP).not.toMatch(/\b(src|srcset|action)=/i);
    expect(HELP).not.toMatch(/@import|url\(/i);
    expect(HELP).not.toMatch(/https?:\/\//);
    // Links stay on the page.
    for (const [, href] of HELP.matchAll(/href="([^"]*)"/g)) expect(href).toMatch(/^#[a-z-]+$/);
    for (const [, href] of HELP.matchAll(/href="#([^"]*)"/g))
      expect(HELP).toContain(`id="${href}"`);
  });

  test("has a strict Content-Security-Policy that allows its one <style> by hash", () => {
    const csp = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(HELP)?.[1];
    expect(csp).toBeDefined();
    const directives = Object.fromEntries(
      csp!.split(";").map((d) => {
        const [name, ...values] = d.trim().split(/\s+/);
        return [name, values];
      })
    );
    expect(directives["default-src"]).toEqual(["'none'"]);
    expect(directives["base-uri"]).toEqual(["'none'"]);
    expect(directives["form-action"]).toEqual(["'none'"]);
    expect(Object.keys(directives).filter((d) => d.startsWith("script"))).toEqual([]);
    // One style element, and "<style>" nowhere else (not even in a comment), so the hash is of it.
    expect(HELP.split("<style>")).toHaveLength(2);
    const styles = [...HELP.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1]);
    const hash = createHash("sha256").update(styles[0], "utf8").digest("base64");
    // After editing the style, put this hash into the meta tag.
    expect(directives["style-src"]).toEqual([`'sha256-${hash}'`]);
    expect(HELP).not.toMatch(/\sstyle="/); // inline style attributes would be blocked
  });
});

describe("README", () => {
  test("lists every function in its table", () => {
    const readme = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
    for (const f of functions) expect(readme).toContain(`\`=BUDGET.${f.id}(`);
  });
});
