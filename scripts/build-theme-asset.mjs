#!/usr/bin/env node
// Writes the theme app block's JavaScript asset from its readable source: theme/delivery-promise.js, minified by
// esbuild, becomes extensions/delivery-promise/assets/delivery-promise.js. theme-check refuses app block
// JavaScript over 10,000 bytes (AssetSizeAppBlockJavaScript), which the commented source exceeds (docs/storefront.md).
// `npm run build:theme` runs it; tests/unit/delivery-promise-assets.test.ts fails when the asset is out of date.
import { Buffer } from "node:buffer";
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { minifyThemeScript } from "./lib/theme-asset.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const source = readFileSync(join(root, "theme/delivery-promise.js"), "utf8");
const target = join(root, "extensions/delivery-promise/assets/delivery-promise.js");
const code = await minifyThemeScript(source);
writeFileSync(target, code);
console.log(`${target}: ${Buffer.byteLength(code)} bytes (source ${Buffer.byteLength(source)})`);
