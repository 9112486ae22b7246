/**
 * Runs before `npm test`: the browser suites need Debian's Chromium and CJK fonts (without
 * fonts-noto-cjk, Chinese renders as boxes and layout checks measure the wrong glyphs).
 * As root with apt-get, it installs what is missing; otherwise it stops with the command.
 */
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function hasPackage(name: string): boolean {
  try {
    return execSync(`dpkg-query -W -f='\${Status}' ${name}`, { stdio: ['ignore', 'pipe', 'ignore'] }).toString().includes('install ok installed');
  } catch {
    return false;
  }
}

const hasCjkFonts = () => hasPackage('fonts-noto-cjk') || existsSync('/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc');
const missing = [...(existsSync(CHROMIUM) ? [] : ['chromium']), ...(hasCjkFonts() ? [] : ['fonts-noto-cjk'])];

if (missing.length > 0) {
  const command = `apt-get update && apt-get install -y ${missing.join(' ')}`;
  const asUser = `sudo apt-get update && sudo apt-get install -y ${missing.join(' ')}`;
  const isRoot = process.getuid?.() === 0;
  const hasApt = existsSync('/usr/bin/apt-get');
  if (isRoot && hasApt) {
    console.log(`The browser tests need ${missing.join(' and ')}; installing: ${command}`);
    execSync(command, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  } else {
    console.error(`The browser tests need ${missing.join(' and ')}, which ${isRoot ? 'apt-get is not here to install' : 'only root can install'}. Run:\n\n  ${isRoot ? command : asUser}\n`);
    process.exit(1);
  }
}
