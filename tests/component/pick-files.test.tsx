import { describe, expect, it } from 'vitest';
import { PickError, readPickedFiles } from '../../src/features/packs/readPickedFiles';

function fakeFile(name: string, size: number): File {
  const file = new File(['x'], name);
  Object.defineProperty(file, 'size', { value: size });
  Object.defineProperty(file, 'text', { value: async () => 'x' });
  return file;
}

describe('choosing files to import', () => {
  it('refuses a 50 MB file before reading it, saying how big it is and what fits', async () => {
    const chosen = [{ file: fakeFile('huge.rapport.json', 50 * 1024 * 1024), path: 'huge.rapport.json' }];
    await expect(readPickedFiles(chosen)).rejects.toThrow(PickError);
    await expect(readPickedFiles(chosen)).rejects.toThrow('The files add up to 50.0 MB; packs of up to 10.0 MB can be imported.');
  });

  it('refuses an oversized question file and names it', async () => {
    const chosen = [
      { file: fakeFile('pack.yaml', 100), path: 'my-pack/pack.yaml' },
      { file: fakeFile('q-001.md', 300 * 1024), path: 'my-pack/q-001.md' },
    ];
    await expect(readPickedFiles(chosen)).rejects.toThrow('q-001.md is 0.3 MB; a single question or principle file can be at most 200 KB.');
  });

  it('reads a folder’s files with their paths', async () => {
    const files = await readPickedFiles([{ file: fakeFile('pack.yaml', 10), path: 'my-pack/pack.yaml' }]);
    expect(files).toEqual([{ name: 'my-pack/pack.yaml', text: 'x' }]);
  });

  it('says when nothing was chosen', async () => {
    await expect(readPickedFiles([])).rejects.toThrow('No files were chosen.');
  });
});
