// Argmap's web build in a real browser (headless Chromium, driven by
// playwright-core): run by tests/web_page.rs, which serves the page on
// 127.0.0.1 and checks what this script reports.
//
//   node page.cjs URL OUT_DIR MAP_TO_PICK MAP_TO_DROP
//
// Exits non-zero, saying why, if a step fails or the browser console shows
// an error. Screenshots and the downloaded map go to OUT_DIR.
"use strict";
const { chromium } = require("playwright-core");
const fs = require("fs");
const path = require("path");

const [url, outDir, pickFile, dropFile] = process.argv.slice(2);
const errors = [];

function watch(page, name) {
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(`${name}: console error: ${m.text()}`);
  });
  page.on("pageerror", (e) => errors.push(`${name}: page error: ${e.message}`));
}

async function titled(page, text, what) {
  try {
    await page.waitForFunction((t) => document.title.includes(t), text, { timeout: 60000 });
  } catch (e) {
    throw new Error(`${what}: the title never showed "${text}" (it is "${await page.title()}")`);
  }
}

async function started(page) {
  await page.waitForFunction(() => !document.getElementById("loading"), null, { timeout: 90000 });
  // A few frames to lay out and draw.
  await page.waitForTimeout(1500);
}

async function main() {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: ["--use-angle=swiftshader", "--enable-unsafe-swiftshader", "--ignore-gpu-blocklist"],
  });
  const context = await browser.newContext({ viewport: { width: 1600, height: 1000 }, acceptDownloads: true });
  const page = await context.newPage();
  watch(page, "start");

  // 1. The page opens on the debate map.
  const asked = Date.now();
  await page.goto(url);
  await titled(page, "kimmage-kramer-debate", "at start");
  // Reported, not judged: a shared machine's timings vary too much for that.
  console.log(`first map titled after ${Date.now() - asked} ms`);
  await started(page);
  await page.screenshot({ path: path.join(outDir, "web-debate.png") });
  console.log("opened on the debate map");

  // 2. Ctrl+O reaches Argmap, not the browser: the page's file picker opens,
  //    and the map picked there opens.
  // The click gives the page the keyboard. Under load on a shared machine
  // the first key press after it was seen to go missing (once in CI, once
  // here in two runs, cause not found): a second press is allowed, and the
  // run says so, so a page that never answers Ctrl+O still fails.
  await page.mouse.click(1000, 620);
  let chooser;
  for (let attempt = 1; !chooser; attempt++) {
    try {
      [chooser] = await Promise.all([
        page.waitForEvent("filechooser", { timeout: 10000 }),
        page.keyboard.press("Control+O"),
      ]);
    } catch (error) {
      if (attempt >= 2) throw error;
      console.log("Ctrl+O showed no file picker; clicking the map and pressing it again");
      await page.mouse.click(1000, 620);
      await page.waitForTimeout(500);
    }
  }
  await chooser.setFiles(pickFile);
  await titled(page, path.basename(pickFile), "after picking a file");
  // The next frames fit the new map to the view.
  await page.waitForTimeout(1000);
  await page.screenshot({ path: path.join(outDir, "web-picked.png") });
  console.log(`Ctrl+O showed the file picker; ${path.basename(pickFile)} opened`);

  // 3. A map file dropped on the page opens.
  const bytes = [...fs.readFileSync(dropFile)];
  const name = path.basename(dropFile);
  const transfer = await page.evaluateHandle(
    ([bytes, name]) => {
      const dt = new DataTransfer();
      dt.items.add(new File([new Uint8Array(bytes)], name, { type: "text/plain" }));
      return dt;
    },
    [bytes, name],
  );
  for (const type of ["dragenter", "dragover", "drop"]) {
    await page.dispatchEvent("canvas#argmap", type, { dataTransfer: transfer });
  }
  await titled(page, name, "after the drop");
  console.log(`dropped ${name}; it opened`);

  // 4. An edit (select all, move right) marks the map unsaved, and the
  //    unsaved work lands in the browser's storage.
  await page.mouse.click(1000, 620);
  await page.keyboard.press("Control+A");
  await page.keyboard.press("ArrowRight");
  await titled(page, "•", "after an edit");
  await page.waitForFunction(
    (name) => (localStorage.getItem("argmap-unsaved-work") || "").includes(name),
    name,
    { timeout: 20000 },
  );
  console.log("the edit was kept in the browser's storage");

  // 5. Ctrl+S saves as a download, and the map is no longer unsaved.
  const [download] = await Promise.all([
    page.waitForEvent("download", { timeout: 20000 }),
    page.keyboard.press("Control+S"),
  ]);
  const saved = path.join(outDir, download.suggestedFilename());
  await download.saveAs(saved);
  await page.waitForFunction(() => !document.title.includes("•"), null, { timeout: 10000 });
  console.log(`Ctrl+S downloaded ${download.suggestedFilename()}`);

  // 6. Unsaved work: leaving asks first (the browser's own question, which
  //    the test answers "leave"), and the next visit offers the work back.
  const dialogs = [];
  page.on("dialog", (d) => {
    dialogs.push(d.type());
    d.accept();
  });
  await page.keyboard.press("ArrowRight");
  await titled(page, "•", "after a second edit");
  await page.waitForFunction(
    () => (localStorage.getItem("argmap-unsaved-work") || "").length > 0,
    null,
    { timeout: 20000 },
  );
  await page.reload();
  await started(page);
  if (!dialogs.includes("beforeunload"))
    throw new Error(`leaving with unsaved work did not ask first (dialogs: ${dialogs})`);
  const kept = await page.evaluate(() => localStorage.getItem("argmap-unsaved-work") || "");
  if (!kept.includes(name)) throw new Error("the unsaved work was not kept across the visit");
  await page.screenshot({ path: path.join(outDir, "web-recovery.png") });
  console.log("the next visit offers the unsaved work back");

  // 7. A link with ?map= opens that map.
  const linked = await context.newPage();
  watch(linked, "link");
  await linked.goto(url + "?map=maps/kimmage-kramer-wider.ron");
  await started(linked);
  await titled(linked, "kimmage-kramer-wider.ron", "from a ?map= link");
  await linked.screenshot({ path: path.join(outDir, "web-linked.png") });
  console.log("?map= opened kimmage-kramer-wider.ron");

  await browser.close();
  if (errors.length) throw new Error(errors.join("\n"));
  console.log("no errors in the browser console");
}

main().catch((e) => {
  console.error(e.message || e);
  for (const line of errors) console.error(line);
  process.exit(1);
});
