import { useId, useState } from 'react';
import { downloadFile } from '../../components/download';
import { plural } from '../../domain/format';
import { exportGift } from '../../domain/content/giftExport';
import { buildPackFile } from '../../domain/content/packFile';
import { packZip } from '../../domain/content/packZip';
import { shareFragment, SHARE_LINK_LIMIT } from '../../domain/content/shareLink';
import type { DraftCheck } from '../../domain/studio/checkDraft';

type Message = { kind: 'status' | 'alert'; text: string };

const ZIP_README = (folder: string) => `# A Rapport pack

This folder holds one question pack (packs/) and the principles its questions link to (principles/),
as the Rapport pack studio exported it. Keep it in git, edit it in any text editor, and check it with

    npm run content:check -- ${folder}

from a clone of Rapport. Open the folder's zip in the studio to go on editing it in the browser.
`;

/** The pack as a file for candidates, as a folder for git, and as a link that carries it. */
export function ExportPanel({ check, packId }: { check: DraftCheck; packId: string }) {
  const [message, setMessage] = useState<Message>();
  const [link, setLink] = useState<string>();
  const linkId = useId();
  const pack = check.compiled.packs[0];
  const blocked = (what: string): Message | undefined =>
    check.errors > 0 || !pack
      ? { kind: 'alert', text: `Fix the ${plural(check.errors, 'error')} first: candidates’ apps refuse ${what} with errors. The folder (.zip) can be downloaded as it is.` }
      : undefined;

  const packFile = () => {
    setLink(undefined);
    const refusal = blocked('a pack file');
    if (refusal || !pack) return setMessage(refusal);
    downloadFile(`${pack.id}-${pack.version}.rapport.json`, JSON.stringify(buildPackFile(pack, check.exportFiles)), 'application/json');
    setMessage({ kind: 'status', text: `Downloaded ${pack.id}-${pack.version}.rapport.json: send it to candidates, who import it under Packs.` });
  };
  const folder = () => {
    setLink(undefined);
    const name = pack ? `${pack.id}-${pack.version}` : packId;
    downloadFile(`${name}.zip`, packZip(name, check.exportFiles, ZIP_README(name)), 'application/zip');
    setMessage({
      kind: 'status',
      text: `Downloaded ${name}.zip${check.errors > 0 ? `, with ${plural(check.errors, 'error')} still to fix` : ''}. Unzipped, npm run content:check -- ${name} finds what the studio finds.`,
    });
  };
  const gift = () => {
    setLink(undefined);
    const refusal = blocked('a pack');
    if (refusal || !pack) return setMessage(refusal && { ...refusal, text: refusal.text.replace('candidates’ apps refuse a pack with errors', 'Moodle’s file is written from the checked pack') });
    downloadFile(`${pack.id}-${pack.version}.gift`, exportGift(pack), 'text/plain');
    setMessage({ kind: 'status', text: `Downloaded ${pack.id}-${pack.version}.gift: in Moodle, import it under Question bank, Import, format GIFT.` });
  };
  const share = () => {
    const refusal = blocked('a link to a pack');
    if (refusal || !pack) {
      setLink(undefined);
      return setMessage(refusal);
    }
    const fragment = shareFragment(buildPackFile(pack, check.shareFiles));
    if (fragment.length > SHARE_LINK_LIMIT) {
      setLink(undefined);
      return setMessage({
        kind: 'alert',
        text: `This pack is too large for a link (${fragment.length.toLocaleString()} characters; mail and chat programs cut links past ${SHARE_LINK_LIMIT.toLocaleString()}). Share the pack file instead, or put it on the site beside the app and link to it, as docs/authoring.md explains.`,
      });
    }
    setLink(`${window.location.origin}/packs#${fragment}`);
    setMessage({ kind: 'status', text: `A link for ${pack.title} ${pack.version} (${plural(pack.questions.length, 'question')}). It carries the whole pack; nothing is uploaded anywhere.` });
  };
  const copy = async () => {
    if (!link) return;
    try {
      await navigator.clipboard.writeText(link);
      setMessage({ kind: 'status', text: 'The link is copied: paste it into an email or a message.' });
    } catch {
      (document.getElementById(linkId) as HTMLInputElement | null)?.select();
      setMessage({ kind: 'alert', text: 'The browser did not allow copying: the link is selected, copy it with Ctrl+C (⌘C on a Mac).' });
    }
  };

  return (
    <section aria-labelledby="export-heading" className="export-panel">
      <h2 id="export-heading">Export and share</h2>
      <div className="actions">
        <button type="button" onClick={packFile}>
          Download the pack file (.rapport.json)
        </button>
        <button type="button" onClick={folder}>
          Download the folder (.zip)
        </button>
        <button type="button" onClick={gift}>
          Download for Moodle (.gift)
        </button>
        <button type="button" onClick={share}>
          Make a share link
        </button>
      </div>
      {message && (
        <p role={message.kind} className={message.kind === 'alert' ? 'hint' : 'success'}>
          {message.text}
        </p>
      )}
      {link && (
        <div className="field share-link">
          <label htmlFor={linkId}>Share link</label>
          <input id={linkId} type="text" readOnly value={link} onFocus={(event) => event.target.select()} />
          <button type="button" onClick={() => void copy()}>
            Copy the link
          </button>
        </div>
      )}
    </section>
  );
}
