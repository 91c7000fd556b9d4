// Drives the interactive docs page in headless Chromium (Debian's, via playwright-core):
// lists the operations it shows, runs "Try it out" -> Execute on one of them and reports
// the HTTP status the page got, plus any request that left the server (there must be none:
// the page is served from local assets).
//
//   node docs_browser.mjs BASE_URL DOCS_PATH OPERATION_ID '{"param": "value"}'
import { chromium } from "playwright-core";

const [baseUrl, docsPath, operationId, valuesJson] = process.argv.slice(2);
const values = JSON.parse(valuesJson || "{}");

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
try {
  const page = await browser.newPage();
  const external = [];
  const consoleErrors = [];
  page.on("request", (r) => { if (!r.url().startsWith(baseUrl) && !r.url().startsWith("data:")) external.push(r.url()); });
  page.on("console", (m) => { if (m.type() === "error") consoleErrors.push(m.text()); });

  await page.goto(baseUrl + docsPath, { waitUntil: "load" });
  await page.waitForSelector(".opblock .opblock-summary-operation-id", { timeout: 30000 });
  const operations = await page.$$eval(".opblock .opblock-summary-operation-id",
    (els) => els.map((e) => e.textContent.trim()));

  const block = page.locator(".opblock", {
    has: page.locator(".opblock-summary-operation-id", { hasText: new RegExp(`^${operationId}$`) }),
  }).first();
  await block.locator(".opblock-summary").first().click();
  await block.locator("button.try-out__btn").click();
  for (const [name, value] of Object.entries(values)) {
    await block.locator(`tr[data-param-name="${name}"] input`).first().fill(String(value));
  }
  const isCall = (r) => r.url().startsWith(baseUrl) && !r.url().includes(docsPath) &&
    !r.url().endsWith("/openapi.json");
  const [response] = await Promise.all([
    page.waitForResponse(isCall, { timeout: 30000 }),
    block.locator("button.execute").click(),
  ]);
  const statusCell = block.locator(".live-responses-table .response .response-col_status").first();
  await statusCell.waitFor({ timeout: 30000 });
  const shownStatus = (await statusCell.textContent()).trim();
  const shownBody = (await block.locator(".live-responses-table .response-col_description pre").first().textContent()).trim();
  console.log(JSON.stringify({
    title: await page.title(), operations, url: response.url(), status: response.status(),
    shownStatus, shownBody, external, consoleErrors,
  }));
} finally {
  await browser.close();
}
