/**
 * Bytes of an XML document to a string in the encoding it declares: a byte order mark, else the
 * XML declaration's `encoding`, else the HTTP charset, else UTF-8. Node's TextDecoder (full ICU)
 * reads windows-1251, koi8-r, iso-8859-*, shift_jis, big5, gbk and the other WHATWG encodings.
 */

export interface DecodedXml {
  readonly text: string;
  /** The encoding the text was read in (WHATWG name). */
  readonly encoding: string;
  /** Why the declared encoding was not the one used, or null. */
  readonly problem: string | null;
}

const DECLARED = /^\s*<\?xml[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/;
const CHARSET = /;\s*charset\s*=\s*"?([A-Za-z0-9._:-]+)"?/i;

/** Decodes XML bytes; never throws (an unknown or wrong encoding is a problem, not an error). */
export function decodeXml(bytes: Uint8Array, contentType: string | null = null): DecodedXml {
  const bom = bomEncoding(bytes);
  if (bom) return { text: new TextDecoder(bom).decode(bytes), encoding: bom, problem: null };
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  const declared = DECLARED.exec(head)?.[1] ?? null;
  const charset = contentType ? CHARSET.exec(contentType)?.[1] ?? null : null;
  const label = declared ?? charset;
  if (label !== null) {
    const decoder = decoderFor(label);
    if (decoder === null) return asUtf8(bytes, `unknown encoding "${label}"`, `unknown encoding "${label}"`);
    if (decoder.encoding !== 'utf-8') return declaredOrUtf8(bytes, decoder, declared === null ? 'the HTTP charset' : 'the XML declaration', label);
    return asUtf8(bytes, null, `declared ${label}`);
  }
  return asUtf8(bytes, null, 'no encoding declared');
}

/**
 * The bytes in the declared encoding, unless they contradict it: bytes that are valid UTF-8 with
 * characters beyond ASCII in a feed declared ISO-8859-1, windows-1252 or Shift_JIS are UTF-8 (text in
 * those encodings is almost never valid UTF-8 by chance; read as declared it is mojibake, "SÃ£o
 * Paulo"). Then the text is read as UTF-8 and the contradiction reported.
 */
function declaredOrUtf8(bytes: Uint8Array, decoder: TextDecoder, where: string, label: string): DecodedXml {
  if (!decoder.encoding.startsWith('utf-16') && hasMultibyteUtf8(bytes)) {
    const text = strictUtf8(bytes);
    if (text !== null) {
      return { text, encoding: 'utf-8', problem: `${where} says ${label} but the bytes are UTF-8; read as UTF-8` };
    }
  }
  return { text: decoder.decode(bytes), encoding: decoder.encoding, problem: null };
}

function hasMultibyteUtf8(bytes: Uint8Array): boolean {
  for (let i = 0; i + 1 < bytes.length; i++) {
    if (bytes[i] >= 0xc2 && bytes[i] <= 0xf4 && (bytes[i + 1] & 0xc0) === 0x80) return true;
  }
  return false;
}

function strictUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** UTF-8 when the bytes are UTF-8, else windows-1252 (which decodes any byte) with a problem. */
function asUtf8(bytes: Uint8Array, problem: string | null, why: string): DecodedXml {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8', problem };
  } catch {
    return {
      text: new TextDecoder('windows-1252').decode(bytes),
      encoding: 'windows-1252',
      problem: `${why} and the bytes are not UTF-8; read as windows-1252`,
    };
  }
}

function decoderFor(label: string): TextDecoder | null {
  try {
    return new TextDecoder(label.toLowerCase());
  } catch {
    return null;
  }
}

function bomEncoding(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}
