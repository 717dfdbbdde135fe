/** A PMTiles archive (by its path's extension), apart from the style builder so checking costs nothing to load. */
export function isPmtilesUrl(url: string): boolean {
  const pathname = url.replace(/[?#].*$/, "");
  return /\.pmtiles$/i.test(pathname);
}
