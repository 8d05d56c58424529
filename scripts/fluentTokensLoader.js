/*
 * Webpack loader for Fluent UI's own modules: in a module that imports `tokens` (from
 * @fluentui/react-theme, @fluentui/tokens or, inside that package, ../tokens.js), writes each
 * `tokens.<name>` as the value it stands for, "var(--<name>)" (every theme token is that CSS
 * variable: @fluentui/tokens' tokens.js), and drops the import. The pane's own styles get the same
 * from Griffel's ahead-of-time compile.
 * Why: the tokens object is ~28 KB (~7 KB gzipped). While every module that reads it is in one
 * scope (webpack's module concatenation), the minifier keeps only the tokens read; once a module
 * of a later chunk (the 生成/导出 steps' Badge, Select, Dialog) shares it, the first bundle carried
 * the whole object (issue 12 §4). A module that uses `tokens` in any other way is left as it is.
 */
const TOKENS_IMPORT =
  /import\s*\{([^}]*)\}\s*from\s*(["'])(@fluentui\/react-theme|@fluentui\/tokens|\.\.?\/tokens(?:\.js)?)\2;?/g;
const TOKEN_READ = /(?<![.\w$])tokens\.([A-Za-z0-9]+)\b/g;
const ANY_OTHER_USE = /(?<![.\w$])tokens(?![\w$])/;
/** Whole-line and block comments, which may say "tokens" in prose. */
const COMMENTS = /^\s*\/\/.*$|\/\*[\s\S]*?\*\//gm;

module.exports = function fluentTokensLoader(source) {
  let imported = false;
  const withoutImport = source.replace(TOKENS_IMPORT, (statement, names, quote, from) => {
    const kept = names
      .split(",")
      .map((name) => name.trim())
      .filter((name) => name !== "");
    if (!kept.includes("tokens")) return statement;
    imported = true;
    const rest = kept.filter((name) => name !== "tokens");
    return rest.length === 0 ? "" : `import { ${rest.join(", ")} } from ${quote}${from}${quote};`;
  });
  if (!imported) return source;
  const rewritten = withoutImport.replace(TOKEN_READ, (_, name) =>
    JSON.stringify(`var(--${name})`)
  );
  return ANY_OTHER_USE.test(rewritten.replace(COMMENTS, "")) ? source : rewritten;
};
