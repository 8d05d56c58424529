/*
 * Offline checks of manifest.xml: the things Office rejects or silently ignores (a resid that is not
 * defined, an icon that does not exist, a shared runtime that is not wired everywhere) caught without
 * the online validator (`npm run validate`).
 */
import * as fs from "fs";
import * as path from "path";

const ROOT = path.resolve(__dirname, "..", "..");
const DEV_URL = "https://localhost:3000/";

interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (entity, body: string) => {
    const named: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
    if (body[0] !== "#") return named[body.toLowerCase()] ?? entity;
    const codePoint =
      body[1].toLowerCase() === "x" ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
    return String.fromCodePoint(codePoint);
  });
}

/**
 * A small, strict XML parser: enough for a manifest (elements, attributes, text, comments, the XML
 * declaration), and it throws on anything that is not well-formed, which is what the test is for.
 */
function parseXml(xml: string): XmlElement {
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let position = 0;
  const fail = (message: string): never => {
    const line = xml.slice(0, position).split("\n").length;
    throw new Error(`manifest.xml line ${line}: ${message}`);
  };
  const appendText = (text: string) => {
    if (/[<&]/.test(text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, "")))
      fail("unescaped < or &");
    if (stack.length > 0) stack[stack.length - 1].text += decodeEntities(text);
    else if (text.trim() !== "") fail("text outside the root element");
  };
  while (position < xml.length) {
    const tagStart = xml.indexOf("<", position);
    if (tagStart === -1) {
      appendText(xml.slice(position));
      break;
    }
    appendText(xml.slice(position, tagStart));
    position = tagStart;
    if (xml.startsWith("<!--", position)) {
      const end = xml.indexOf("-->", position);
      if (end === -1) fail("unterminated comment");
      position = end + 3;
      continue;
    }
    if (xml.startsWith("<?", position)) {
      const end = xml.indexOf("?>", position);
      if (end === -1 || root || stack.length > 0) fail("misplaced processing instruction");
      position = end + 2;
      continue;
    }
    const tagEnd = xml.indexOf(">", position);
    if (tagEnd === -1) fail("unterminated tag");
    const tag = xml.slice(position + 1, tagEnd);
    position = tagEnd + 1;
    if (tag.startsWith("/")) {
      const name = tag.slice(1).trim();
      const open = stack.pop();
      if (!open || open.name !== name)
        fail(`</${name}> does not close <${open?.name ?? "nothing"}>`);
      continue;
    }
    const selfClosing = tag.endsWith("/");
    const body = selfClosing ? tag.slice(0, -1) : tag;
    const nameMatch = /^([A-Za-z_][\w.:-]*)/.exec(body);
    if (!nameMatch) fail(`bad tag <${tag}>`);
    const element: XmlElement = { name: nameMatch![1], attributes: {}, children: [], text: "" };
    const attributeText = body.slice(nameMatch![1].length);
    const attributePattern = /\s+([A-Za-z_][\w.:-]*)\s*=\s*("([^"<]*)"|'([^'<]*)')/gy;
    let consumed = 0;
    for (
      let match = attributePattern.exec(attributeText);
      match;
      match = attributePattern.exec(attributeText)
    ) {
      const attributeName = match[1];
      if (attributeName in element.attributes) fail(`duplicate attribute ${attributeName}`);
      element.attributes[attributeName] = decodeEntities(match[3] ?? match[4]);
      consumed = attributePattern.lastIndex;
    }
    if (attributeText.slice(consumed).trim() !== "") fail(`bad attributes in <${tag}>`);
    if (stack.length > 0) stack[stack.length - 1].children.push(element);
    else if (root) fail("more than one root element");
    else root = element;
    if (!selfClosing) stack.push(element);
  }
  if (stack.length > 0) fail(`<${stack[stack.length - 1].name}> is not closed`);
  if (!root) fail("no root element");
  return root!;
}

/** Every element below `element` (depth first), the element itself included. */
function descendants(element: XmlElement): XmlElement[] {
  return [element, ...element.children.flatMap(descendants)];
}

function child(element: XmlElement, name: string): XmlElement {
  const found = element.children.filter((c) => c.name === name);
  if (found.length !== 1)
    throw new Error(`<${element.name}> has ${found.length} <${name}> children, expected 1`);
  return found[0];
}

function descend(element: XmlElement, ...names: string[]): XmlElement {
  return names.reduce(child, element);
}

function enUsOverride(element: XmlElement): string | undefined {
  return element.children.find(
    (c) => /(^|:)Override$/.test(c.name) && c.attributes.Locale === "en-US"
  )?.attributes.Value;
}

const manifestText = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
const manifest = parseXml(manifestText);
const versionOverrides = child(manifest, "VersionOverrides");
const workbookHost = descend(versionOverrides, "Hosts", "Host");
const resources = child(versionOverrides, "Resources");
const RESOURCE_GROUPS = ["bt:Images", "bt:Urls", "bt:ShortStrings", "bt:LongStrings"];
const resourceElements = RESOURCE_GROUPS.flatMap((group) => child(resources, group).children);

function resource(id: string): XmlElement {
  const found = resourceElements.filter((r) => r.attributes.id === id);
  if (found.length !== 1) throw new Error(`resource ${id} is defined ${found.length} times`);
  return found[0];
}

function customFunctionsExtensionPoint(): XmlElement {
  const points = child(workbookHost, "AllFormFactors").children.filter(
    (e) => e.name === "ExtensionPoint" && e.attributes["xsi:type"] === "CustomFunctions"
  );
  expect(points).toHaveLength(1);
  return points[0];
}

describe("manifest.xml", () => {
  test("is a well-formed TaskPaneApp manifest for Excel", () => {
    expect(manifest.name).toBe("OfficeApp");
    expect(manifest.attributes["xsi:type"]).toBe("TaskPaneApp");
    expect(child(manifest, "Id").text.trim()).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
    );
    expect(descend(manifest, "Hosts", "Host").attributes.Name).toBe("Workbook");
    expect(workbookHost.attributes["xsi:type"]).toBe("Workbook");
    expect(versionOverrides.attributes["xsi:type"]).toBe("VersionOverridesV1_0");
  });

  test("is Chinese first, with English overrides of its name and description", () => {
    expect(child(manifest, "DefaultLocale").text.trim()).toBe("zh-CN");
    const displayName = child(manifest, "DisplayName");
    expect(displayName.attributes.DefaultValue).toBe("部门预算公开助手");
    expect(enUsOverride(displayName)).toBe("Budget Disclosure Assistant");
    const description = child(manifest, "Description");
    expect(description.attributes.DefaultValue).toMatch(/[\u4e00-\u9fff]/);
    expect(enUsOverride(description)).toBeTruthy();
  });

  test("asks for ReadWriteDocument and the shared runtime", () => {
    expect(child(manifest, "Permissions").text.trim()).toBe("ReadWriteDocument");
    const sets = descend(manifest, "Requirements", "Sets").children;
    expect(sets).toContainEqual(
      expect.objectContaining({ attributes: { Name: "SharedRuntime", MinVersion: "1.1" } })
    );
    // The functions' errors carry messages: CustomFunctions.Error(code, message) is 1.2.
    expect(sets).toContainEqual(
      expect.objectContaining({ attributes: { Name: "CustomFunctionsRuntime", MinVersion: "1.2" } })
    );
  });

  test("links its support and learn-more URLs to the help page the build ships", () => {
    const helpUrl = `${DEV_URL}help.html`;
    expect(child(manifest, "SupportUrl").attributes.DefaultValue).toBe(helpUrl);
    expect(resource("GetStarted.LearnMoreUrl").attributes.DefaultValue).toBe(helpUrl);
    // The page the build copies there (test/build checks dist/help.html itself).
    expect(fs.existsSync(path.join(ROOT, "src", "functions", "help.html"))).toBe(true);
  });

  test("runs the task pane page in one long-lived shared runtime", () => {
    const runtime = descend(workbookHost, "Runtimes", "Runtime");
    expect(runtime.attributes).toEqual({ resid: "Taskpane.Url", lifetime: "long" });
    expect(child(descend(workbookHost, "DesktopFormFactor"), "FunctionFile").attributes.resid).toBe(
      "Taskpane.Url"
    );
  });

  test("declares the BUDGET custom functions, their script, metadata and page", () => {
    const point = customFunctionsExtensionPoint();
    const resid = (name: string) => descend(point, name, "SourceLocation").attributes.resid;
    expect(resid("Script")).toBe("Functions.Script.Url");
    expect(resource("Functions.Script.Url").attributes.DefaultValue).toBe(`${DEV_URL}functions.js`);
    expect(resid("Metadata")).toBe("Functions.Metadata.Url");
    expect(resource("Functions.Metadata.Url").attributes.DefaultValue).toBe(
      `${DEV_URL}functions.json`
    );
    // In a shared runtime the functions page is the task pane page.
    expect(resid("Page")).toBe("Taskpane.Url");
    expect(resource("Taskpane.Url").attributes.DefaultValue).toBe(`${DEV_URL}taskpane.html`);
    const namespace = resource(child(point, "Namespace").attributes.resid);
    expect(namespace.attributes.DefaultValue).toBe("BUDGET");
    expect(namespace.children).toHaveLength(0);
  });

  test("adds a 预算公开 button to the Home tab that shows the task pane", () => {
    const commandSurface = descend(workbookHost, "DesktopFormFactor").children.find(
      (e) => e.name === "ExtensionPoint" && e.attributes["xsi:type"] === "PrimaryCommandSurface"
    );
    expect(commandSurface).toBeDefined();
    const tab = child(commandSurface!, "OfficeTab");
    expect(tab.attributes.id).toBe("TabHome");
    const buttons = descendants(tab).filter(
      (e) => e.name === "Control" && e.attributes["xsi:type"] === "Button"
    );
    expect(buttons).toHaveLength(1);
    const label = resource(child(buttons[0], "Label").attributes.resid);
    expect(label.attributes.DefaultValue).toBe("预算公开");
    expect(enUsOverride(label)).toBeTruthy();
    const action = child(buttons[0], "Action");
    expect(action.attributes["xsi:type"]).toBe("ShowTaskpane");
    expect(descend(action, "SourceLocation").attributes.resid).toBe("Taskpane.Url");
  });

  test("defines every resid it uses exactly once, and uses every resource it defines", () => {
    const used = new Set(
      descendants(manifest).flatMap((e) => (e.attributes.resid ? [e.attributes.resid] : []))
    );
    const defined = resourceElements.map((r) => r.attributes.id);
    for (const id of used) expect(defined.filter((d) => d === id)).toEqual([id]);
    expect(new Set(defined)).toEqual(used);
  });

  test("gives every visible string an English override and stays within the schema's lengths", () => {
    const limits: Record<string, number> = { "bt:ShortStrings": 125, "bt:LongStrings": 250 };
    for (const [group, limit] of Object.entries(limits)) {
      for (const text of child(resources, group).children) {
        const values = [text.attributes.DefaultValue, enUsOverride(text) ?? ""];
        for (const value of values) expect(value.length).toBeLessThanOrEqual(limit);
        if (text.attributes.id !== "Functions.Namespace") expect(enUsOverride(text)).toBeTruthy();
      }
    }
  });

  test("refers only to icons that exist under assets/", () => {
    const iconUrls = [
      child(manifest, "IconUrl").attributes.DefaultValue,
      child(manifest, "HighResolutionIconUrl").attributes.DefaultValue,
      ...child(resources, "bt:Images").children.map((image) => image.attributes.DefaultValue),
    ];
    for (const url of iconUrls) {
      expect(url.startsWith(`${DEV_URL}assets/`)).toBe(true);
      const file = path.join(ROOT, url.slice(DEV_URL.length));
      expect(fs.existsSync(file)).toBe(true);
      // A PNG starts with its 8-byte signature.
      expect(fs.readFileSync(file).subarray(0, 8)).toEqual(
        Buffer.from([0x89, 0x50, 0x4e, 0x47, 13, 10, 26, 10])
      );
    }
  });

  test("points every URL at the dev server, which the production build rewrites", () => {
    const urls = descendants(manifest).flatMap((e) =>
      Object.entries(e.attributes)
        .filter(([name, value]) => !name.startsWith("xmlns") && /^https?:/i.test(value))
        .map(([, value]) => value)
    );
    expect(urls.length).toBeGreaterThan(5);
    for (const url of urls) expect(url.startsWith(DEV_URL)).toBe(true);
    const appDomains = child(manifest, "AppDomains").children.map((d) => d.text.trim());
    for (const domain of appDomains) expect(domain).toBe(new URL(DEV_URL).origin);
  });
});
