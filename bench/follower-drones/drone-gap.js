// How far behind the writer's wall a follower's wall shows each drone (docs/two-nodes.md): two walls, one on each node of
// deploy/run-two-nodes.sh, sampled together every 250 ms; prints the distance between the two walls' positions of the same
// drone (flying at 10 m/s, 10 m is a second behind). Run after building the browser tests (their Playwright driver) with:
//   Twin__Security__WallToken=dev-wall-token-0123456789abcdef deploy/run-two-nodes.sh   # in another shell
//   tests/CommandCenter.BrowserTests/bin/Release/net10.0/.playwright/node/linux-x64/node bench/follower-drones/drone-gap.js [label]
// TWIN_NODE_A_PORT / TWIN_NODE_B_PORT as for the script (5081 / 5082), TWIN_WALL_TOKEN its token.
const path = require('node:path');
const { chromium } = require(path.join(__dirname, '../../tests/CommandCenter.BrowserTests/bin/Release/net10.0/.playwright/package'));

const writerPort = process.env.TWIN_NODE_A_PORT ?? '5081';
const followerPort = process.env.TWIN_NODE_B_PORT ?? '5082';
const token = process.env.TWIN_WALL_TOKEN ?? 'dev-wall-token-0123456789abcdef';
const rounds = 120;

(async () => {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-dev-shm-usage'] });
  const open = async (port) => {
    const page = await (await browser.newContext({ viewport: { width: 1920, height: 1080 } })).newPage();
    // The wall's drone feed is an endless MJPEG image, so the page's load event never comes.
    await page.goto(`http://127.0.0.1:${port}/wall/pair?token=${token}`, { waitUntil: 'commit' });
    await page.waitForTimeout(20_000);
    return page;
  };
  const [writer, follower] = await Promise.all([open(writerPort), open(followerPort)]);
  const positions = (page) => page.evaluate(async () => (await import('/assets/js/dronelayer.js')).droneStats().positions ?? {});
  const gaps = [];
  for (let i = 0; i < rounds; i++) {
    const [w, f] = await Promise.all([positions(writer), positions(follower)]);
    for (const [id, [lon, lat]] of Object.entries(w)) {
      if (!f[id]) continue;
      const dx = (lon - f[id][0]) * 111_320 * Math.cos((lat * Math.PI) / 180);
      const dy = (lat - f[id][1]) * 110_540;
      gaps.push(Math.hypot(dx, dy));
    }
    await writer.waitForTimeout(250);
  }
  await browser.close();
  if (gaps.length === 0) throw new Error('no drone on both walls');
  gaps.sort((a, b) => a - b);
  const at = (q) => gaps[Math.floor(q * (gaps.length - 1))].toFixed(1);
  console.log(`${process.argv[2] ?? ''} ${gaps.length} samples: follower's drone behind the writer's by p50 ${at(0.5)} m, p90 ${at(0.9)} m, max ${at(1)} m`);
})();
