/** The bundled single-page UI, held in memory. */
export interface UiBundle {
  js: string;
  css: string;
  /** The same, gzipped once, for browsers that accept it. */
  jsGzip: Buffer;
  cssGzip: Buffer;
  /** Content hash in the asset URLs, so they can be cached for good. */
  hash: string;
}
