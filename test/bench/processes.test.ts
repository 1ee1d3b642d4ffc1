import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { imageNodeOptions } from '../../bench/processes.js';

t.test("the bench starts the server with the Docker image's node options", async (t) => {
  const options = imageNodeOptions();
  t.ok(options.some((option) => /^--max-old-space-size=\d+$/.test(option)), `the image caps the V8 heap (${options.join(' ')})`);

  const dir = mkdtempSync(join(tmpdir(), 'dateline-dockerfile-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const dockerfile = (text: string) => {
    const path = join(dir, 'Dockerfile');
    writeFileSync(path, text);
    return path;
  };
  t.same(imageNodeOptions(dockerfile('FROM x\nHEALTHCHECK --interval=15s \\\n  CMD ["node", "-e", "probe"]\nCMD ["node", "--a=1", "--b", "dist/server.js"]\n')), ['--a=1', '--b'], "the CMD's options, not the HEALTHCHECK's");
  t.same(imageNodeOptions(dockerfile('CMD ["node", "dist/server.js"]\n')), []);
  t.throws(() => imageNodeOptions(dockerfile('CMD node dist/server.js\n')), /no CMD in exec form/);
  t.throws(() => imageNodeOptions(dockerfile('CMD ["npm", "start"]\n')), /not node \[options\] dist\/server.js/);
});
