import { IMPORT_LIMITS } from '../../domain/content/packFile';
import { readShareFragment } from '../../domain/content/shareLink';
import { checkPickedFiles, type ImportReport } from './importPack';
import type { PickedFile } from './readPickedFiles';

export type SharedPackOffer =
  | { file: PickedFile; pack: { title: string; authors: string[]; version: string; questions: number } }
  | { refusal: string }
  | { report: ImportReport }
  | undefined;

/**
 * The pack a link shares, checked as an import checks it but not stored: what the candidate is
 * asked about. A hosted file is read only from this site, the one place the app may fetch from.
 */
export async function readSharedPack(hash: string, origin = window.location.origin): Promise<SharedPackOffer> {
  const shared = readShareFragment(hash);
  if (!shared) return undefined;
  if (shared.kind === 'broken') return { refusal: shared.message };
  let file: PickedFile;
  if (shared.kind === 'inline') {
    file = { name: 'shared-link.rapport.json', text: shared.text };
  } else {
    const url = new URL(shared.path, `${origin}/`);
    if (url.origin !== origin) {
      return { refusal: `The link points at a pack on another site (${url.host}). Rapport reads linked packs only from its own site: download the pack file and import it here instead.` };
    }
    let response: Response;
    try {
      response = await fetch(url, { credentials: 'same-origin' });
    } catch {
      return { refusal: `The pack file ${url.pathname} could not be downloaded: check that you are online, and try the link again.` };
    }
    if (!response.ok) return { refusal: `The pack file ${url.pathname} was not found on this site (${response.status}). Ask for the link again, or for the file itself.` };
    const text = await response.text();
    if (text.length > IMPORT_LIMITS.totalBytes) return { refusal: `The pack file ${url.pathname} is larger than ${IMPORT_LIMITS.totalBytes / 1_048_576} MB, the most a pack can be.` };
    file = { name: decodeURIComponent(url.pathname.split('/').at(-1) || 'pack.rapport.json'), text };
  }
  // Read as a pack file whatever its name, as the link promised.
  const named = file.name.endsWith('.json') ? file : { ...file, name: `${file.name}.json` };
  const { outcome } = await checkPickedFiles([named]);
  if (!outcome.imported) return { report: { problems: outcome.problems, unreadable: outcome.unreadable } };
  const { pack } = outcome.imported;
  return { file: named, pack: { title: pack.title, authors: pack.authors, version: pack.version, questions: pack.questions.length } };
}
