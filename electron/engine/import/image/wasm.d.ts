/** WebAssembly binaries embedded by the bundler (scripts/build.mjs, loader "binary"). */
declare module '*.wasm' {
  const bytes: Uint8Array;
  export default bytes;
}
