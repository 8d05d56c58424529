/*
 * Builds the add-in's web part into dist/: taskpane.html/.js (React UI), functions.js/.html and
 * functions.json (the BUDGET custom functions and their metadata), help.html (their help page, which
 * every @helpurl and the manifest's SupportUrl open), manifest.xml and assets/.
 * Follows the Office add-in templates (yo office), trimmed to what this add-in uses.
 */
const path = require("path");
const devCerts = require("office-addin-dev-certs");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { sources, Compilation } = require("webpack");
const packageJson = require("./package.json");

const DEV_URL = "https://localhost:3000/";
// Where the built files will be hosted. Set ADDIN_PUBLIC_URL when building for deployment; the
// contoso.com default is the templates' placeholder, not a real deployment.
const PUBLIC_URL = withTrailingSlash(process.env.ADDIN_PUBLIC_URL || "https://www.contoso.com/");

const devServerPort = Number(
  process.env.npm_package_config_dev_server_port || packageJson.config.dev_server_port || 3000
);

function withTrailingSlash(url) {
  return url.endsWith("/") ? url : url + "/";
}

/** Points every dev-server URL at the deployment; origins alone (AppDomain) become the public origin. */
function toPublicUrls(text) {
  const devOrigin = new URL(DEV_URL).origin;
  const publicOrigin = new URL(PUBLIC_URL).origin;
  return text.split(DEV_URL).join(PUBLIC_URL).split(devOrigin).join(publicOrigin);
}

/**
 * The function metadata is emitted by CustomFunctionsMetadataPlugin, not copied, so its help URLs
 * are rewritten here, once every asset exists.
 */
class PublicUrlsInFunctionMetadataPlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("PublicUrlsInFunctionMetadataPlugin", (compilation) => {
      compilation.hooks.processAssets.tap(
        {
          name: "PublicUrlsInFunctionMetadataPlugin",
          stage: Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE,
        },
        () => {
          const asset = compilation.getAsset("functions.json");
          if (!asset) return;
          const json = toPublicUrls(asset.source.source().toString());
          compilation.updateAsset("functions.json", new sources.RawSource(json));
        }
      );
    });
  }
}

/**
 * Office only loads add-ins over https. The certificates come from office-addin-dev-certs (created and
 * trusted on first use); when that fails the server still starts, over http, so the UI can be previewed.
 */
async function devServerProtocol() {
  try {
    const httpsOptions = await devCerts.getHttpsServerOptions();
    return {
      type: "https",
      options: { ca: httpsOptions.ca, key: httpsOptions.key, cert: httpsOptions.cert },
    };
  } catch (error) {
    console.error(
      [
        "",
        "无法获取 localhost 的开发证书，开发服务器改用 http 启动；Excel 只能加载 https 的加载项。",
        "请运行 `npx office-addin-dev-certs install` 安装并信任开发证书，然后重新启动。",
        "Could not obtain the localhost development certificates, so the dev server falls back to http;",
        "Excel only loads add-ins over https. Run `npx office-addin-dev-certs install` to create and trust",
        "the certificates, then restart.",
        `(${error && error.message ? error.message : error})`,
        "",
      ].join("\n")
    );
    return { type: "http" };
  }
}

module.exports = async (env, options) => {
  const dev = options.mode === "development";
  // Only `webpack serve` needs certificates; a build must not try to create or install them.
  const serving = Boolean(env.WEBPACK_SERVE);
  if (!dev && !process.env.ADDIN_PUBLIC_URL) {
    console.warn(
      `ADDIN_PUBLIC_URL is not set: the built manifest.xml points at the placeholder ${PUBLIC_URL}\n` +
        "未设置 ADDIN_PUBLIC_URL：生成的 manifest.xml 使用占位地址。"
    );
  }

  return {
    devtool: "source-map",
    // Separate entries with no shared initial chunk: functions.js stays free of React and Fluent UI.
    entry: {
      functions: "./src/functions/functions.ts",
      taskpane: "./src/taskpane/index.tsx",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js"],
    },
    optimization: {
      // One runtime for both entries: the pane's page runs functions.js and taskpane.js together, and
      // the modules they share must exist once there. Each page lists the chunks its entries need
      // (HtmlWebpackPlugin); the manifest requires SharedRuntime 1.1, so the functions always run
      // in a page, never as functions.js alone.
      runtimeChunk: "single",
      splitChunks: {
        cacheGroups: {
          // What the functions' bodies (loaded on their first call, src/functions/functions.ts)
          // share with the pane's engine (decimal.js, the code catalogs, the readers and rules of
          // a table): one chunk, downloaded and run once, not once with the functions and again
          // in the engine chunk the first check loads.
          core: {
            name: "core",
            chunks: "all",
            minChunks: 2,
            enforce: true,
            test: (module, { chunkGraph }) =>
              [...chunkGraph.getModuleChunksIterable(module)].some(
                (chunk) => chunk.name === "function-bodies"
              ),
          },
          // Everything the pane's first check loads (the engine chunk and what it shares with later
          // chunks: the readers of the model, the rules) in one chunk: split by webpack into the
          // parts that each later chunk shares, it was four requests and ~2 KB more gzipped.
          engine: {
            name: "check",
            chunks: "async",
            enforce: true,
            priority: -5,
            test: (module, { chunkGraph }) =>
              [...chunkGraph.getModuleChunksIterable(module)].some(
                (chunk) => chunk.name === "engine"
              ),
          },
        },
      },
    },
    module: {
      rules: [
        {
          test: /[\\/]node_modules[\\/]@fluentui[\\/].+\.js$/,
          use: [{ loader: path.resolve(__dirname, "scripts", "fluentTokensLoader.js") }],
        },
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: [
            // The pane's makeStyles compiled ahead of time, as Fluent UI ships its own components'
            // styles: the page then carries no CSS compiler (stylis, rtl-css-js and most of
            // Griffel's runtime, ~6.5 KB gzipped before the first findings; issue 12 §4). Runs on
            // ts-loader's output. Jest runs the same styles through Griffel's runtime instead.
            { loader: "@griffel/webpack-loader" },
            // Type errors are reported by `npm run typecheck`; transpiling alone keeps builds fast.
            { loader: "ts-loader", options: { transpileOnly: true } },
          ],
        },
      ],
    },
    plugins: [
      new CustomFunctionsMetadataPlugin({
        output: "functions.json",
        input: "./src/functions/functions.ts",
      }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        // The shared runtime runs this page only, so it must register the custom functions too.
        chunks: ["functions", "taskpane"],
        chunksSortMode: "manual",
      }),
      new HtmlWebpackPlugin({
        filename: "functions.html",
        template: "./src/functions/functions.html",
        chunks: ["functions"],
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets", to: "assets" },
          // The functions' help page, byte for byte: its Content-Security-Policy holds the hash of its
          // style, which webpack's HTML minimizer (on by default in production) would rewrite.
          // `minimized` tells the minimizer the page is final.
          { from: "src/functions/help.html", to: "help.html", info: { minimized: true } },
          {
            from: "manifest*.xml",
            to: "[name][ext]",
            transform(content) {
              return dev ? content : toPublicUrls(content.toString());
            },
          },
        ],
      }),
      ...(dev ? [] : [new PublicUrlsInFunctionMetadataPlugin()]),
    ],
    devServer: {
      // Everything served (pages, bundles, manifest, assets) is in webpack's in-memory output.
      static: false,
      headers: {
        "Access-Control-Allow-Origin": "*",
      },
      server: serving ? await devServerProtocol() : undefined,
      port: devServerPort,
    },
  };
};
