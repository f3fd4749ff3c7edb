// @ts-check
/** The shipped better-sqlite3 addon's file name for a platform, CPU and Node ABI. */
export function addonName(
  platform = process.platform,
  arch = process.arch,
  abi = process.versions.modules,
) {
  return `better_sqlite3-${platform}-${arch}-node${abi}.node`;
}
