import { deflateSync, Inflate, strFromU8, strToU8 } from 'fflate';
import { IMPORT_LIMITS, type PackFile } from './packFile';

/**
 * A pack carried in a link's fragment (`#import=…`): its pack file, deflated and written in
 * base64url. Browsers never send the fragment to a server, so the pack goes from the author's
 * device to the candidate's without passing through one.
 */
export const SHARE_PARAMETER = 'import';
/** A pack file hosted beside the app, on the same origin: `#import-from=shared/pack.rapport.json`. */
export const HOSTED_PARAMETER = 'import-from';

/**
 * Links longer than this are refused when made: about 120 questions of the built-in packs' length (650 characters each). Browsers take longer links,
 * but mail and chat programs cut them.
 */
export const SHARE_LINK_LIMIT = 80_000;

export function shareFragment(packFile: PackFile): string {
  return `${SHARE_PARAMETER}=${toBase64Url(deflateSync(strToU8(JSON.stringify(packFile)), { level: 9 }))}`;
}

export type SharedPack = { kind: 'inline'; text: string } | { kind: 'hosted'; path: string } | { kind: 'broken'; message: string };

/** What a location's fragment shares, if anything. */
export function readShareFragment(hash: string): SharedPack | undefined {
  const fragment = hash.replace(/^#/, '');
  const [name, ...rest] = fragment.split('=');
  const value = rest.join('=');
  if (name === HOSTED_PARAMETER) {
    const path = safeDecode(value);
    return path ? { kind: 'hosted', path } : { kind: 'broken', message: 'The link names no pack file.' };
  }
  if (name !== SHARE_PARAMETER) return undefined;
  try {
    return { kind: 'inline', text: strFromU8(inflateAtMost(fromBase64Url(value), IMPORT_LIMITS.totalBytes)) };
  } catch (error) {
    return { kind: 'broken', message: `The link is damaged or cut short (${error instanceof Error ? error.message : String(error)}): ask for the link again, or for the pack file.` };
  }
}

function safeDecode(value: string): string | undefined {
  try {
    return decodeURIComponent(value).trim() || undefined;
  } catch {
    return undefined;
  }
}

/** Inflates in small steps and stops past `limit` bytes: a short link cannot unpack to gigabytes. */
function inflateAtMost(data: Uint8Array, limit: number): Uint8Array {
  const chunks: Uint8Array[] = [];
  let size = 0;
  let ended = false;
  const inflate = new Inflate((chunk, final) => {
    size += chunk.length;
    if (size > limit) throw new Error(`it unpacks to more than ${limit / 1_048_576} MB`);
    chunks.push(chunk);
    if (final) ended = true;
  });
  const step = 1024;
  for (let offset = 0; offset < data.length; offset += step) inflate.push(data.subarray(offset, offset + step), offset + step >= data.length);
  if (data.length === 0) throw new Error('it carries nothing');
  if (!ended) throw new Error('it ends early');
  const out = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let index = 0; index < bytes.length; index += 0x8000) binary += String.fromCharCode(...bytes.subarray(index, index + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new Error('it holds characters a pack link never has');
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(binary, (character) => character.charCodeAt(0));
}
