import { transform } from "esbuild";

/**
 * The app block script as the storefront gets it: minified, ES2019 (the storefront browsers Shopify supports), with a
 * one-line banner saying where the readable source is.
 *
 * @example
 * await minifyThemeScript("(() => { const answer = 42; })();"); // "/* Tailroute … *\/\n(()=>{})();\n"
 */
export async function minifyThemeScript(source) {
  const { code } = await transform(source, {
    minify: true,
    target: "es2019",
    banner: "/* Tailroute delivery promise. Built from theme/delivery-promise.js (npm run build:theme). */",
  });
  return code;
}
