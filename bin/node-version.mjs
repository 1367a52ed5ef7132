/** The oldest Node the app supports (package.json "engines"). */
export const MINIMUM_NODE = "22.12";

/** @param {string} version e.g. "20.20.2" */
export function isSupportedNode(version) {
  const [major, minor] = version.split(".").map(Number);
  const [minMajor, minMinor] = MINIMUM_NODE.split(".").map(Number);
  return major > minMajor || (major === minMajor && minor >= minMinor);
}
