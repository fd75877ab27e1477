// The playground in a real browser: Debian's chromium (/usr/bin/chromium) driven by
// playwright-core, every request to anything but 127.0.0.1 blocked. Against a live server
// (tests/playground/test_browser.py starts one and passes BASE_URL, USERNAME, PASSWORD,
// ITEM_ID): load /graphql/, sign in with tokenAuth, set the Authorization header, run a
// query, start a subscription and see the event of a mutation arrive.
import { chromium } from "playwright-core";

const { BASE_URL, USERNAME, PASSWORD, ITEM_ID } = process.env;
const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";
const base = new URL(BASE_URL);
const results = [];
const blocked = [];

async function check(name, body) {
  const started = Date.now();
  try {
    await body();
    results.push({ name, ok: true });
    console.log(`ok   ${name} (${Date.now() - started} ms)`);
  } catch (error) {
    results.push({ name, ok: false });
    console.log(`FAIL ${name}: ${error.stack || error}`);
    throw error;
  }
}

function assert(condition, message) {
  if (!condition) throw new Error(message);
}

const browser = await chromium.launch({
  executablePath: CHROMIUM,
  // Below Playwright's routing, so websockets are covered too: no name resolves but ours.
  args: ["--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1", "--no-sandbox"],
});
const context = await browser.newContext();
await context.route("**/*", (route) => {
  const url = new URL(route.request().url());
  if (url.hostname === "127.0.0.1" || url.protocol === "data:" || url.protocol === "blob:") {
    return route.continue();
  }
  blocked.push(url.href);
  return route.abort("blockedbyclient");
});
const page = await context.newPage();
const consoleErrors = [];
const posts = []; // what the page sent to the API, and its answer, for a failure's report
let sent = 0; // requests the page has sent to the API
page.on("request", (request) => {
  if (request.method() === "POST" && new URL(request.url()).pathname.startsWith("/graphql")) {
    sent += 1;
  }
});
page.on("requestfinished", async (request) => {
  if (request.method() !== "POST") return;
  const response = await request.response();
  posts.push(`${request.postData()?.slice(0, 120)} -> ${response?.status()}`);
});
page.on("requestfailed", (request) => posts.push(`${request.url()} failed: ${request.failure()?.errorText}`));
page.on("pageerror", (error) => consoleErrors.push(String(error)));
page.on("console", (message) => {
  if (message.type() === "error") consoleErrors.push(message.text());
});

// In-page functions (never strings: the page's CSP forbids eval, and the test keeps it).
function editorValue({ selector, text }) {
  const element = [...document.querySelectorAll(selector)]
    .find((candidate) => candidate.offsetParent !== null);
  const instance = element && element.CodeMirror;
  if (!instance) return null;
  if (text !== undefined) instance.setValue(text);
  return instance.getValue();
}
function editorExists({ selector }) {
  return [...document.querySelectorAll(selector)]
    .some((candidate) => candidate.offsetParent !== null && candidate.CodeMirror);
}
const QUERY = ".graphiql-query-editor .CodeMirror";
const HEADERS = ".graphiql-editor-tool .graphiql-editor:not(.hidden) .CodeMirror";
const RESULT = ".result-window .CodeMirror";

async function setEditor(selector, text) {
  await page.waitForFunction(editorExists, { selector });
  await page.evaluate(editorValue, { selector, text });
}

async function result() {
  return (await page.evaluate(editorValue, { selector: RESULT })) || "";
}

async function resultIncludes(expect, timeout) {
  await page.waitForFunction(({ selector, expect }) => {
    const element = [...document.querySelectorAll(selector)]
      .find((candidate) => candidate.offsetParent !== null);
    return Boolean(element?.CodeMirror?.getValue().includes(expect));
  }, { selector: RESULT, expect }, { timeout });
}

async function run(query, expect, timeout = 30000) {
  await setEditor(RESULT, "");
  await setEditor(QUERY, query);
  // While the editor still holds several operations (the sample document does), Run is a
  // menu of them; wait until GraphiQL has read the new, single-operation document.
  await page.waitForFunction(() => {
    const button = document.querySelector(".graphiql-execute-button");
    return button && !button.hasAttribute("aria-haspopup");
  });
  const sentBefore = sent;
  await page.click(".graphiql-execute-button");
  try {
    // A click the page answered with no request (GraphiQL re-rendering the button under
    // it) ran nothing, so clicking again cannot run anything twice.
    for (let click = 1; click < 3; click += 1) {
      const deadline = Date.now() + 3000;
      while (sent === sentBefore && Date.now() < deadline) await page.waitForTimeout(100);
      if (sent !== sentBefore) break;
      posts.push(`click ${click} sent nothing: clicked again`);
      await page.click(".graphiql-execute-button");
    }
    await resultIncludes(expect, timeout);
  } catch (error) {
    const query = await page.evaluate(editorValue, { selector: QUERY });
    throw new Error(`${error.message}\n  query editor: ${JSON.stringify(query)}` +
      `\n  result pane: ${JSON.stringify(await result())}\n  requests: ${posts.join(" | ")}`);
  }
  return JSON.parse(await result());
}

async function mutate(token, delta) {
  const response = await fetch(new URL("/graphql/", base), {
    method: "POST",
    headers: { "Content-Type": "application/json", Authorization: `JWT ${token}` },
    body: JSON.stringify({
      query: "mutation($input: AdjustStockInput!) { adjustStock(input: $input) { newQuantity } }",
      variables: { input: { itemId: ITEM_ID, delta, reason: "RECEIVED" } },
    }),
  });
  const body = await response.json();
  assert(!body.errors, `adjustStock failed: ${JSON.stringify(body.errors)}`);
  return body.data.adjustStock.newQuantity;
}

let token;
try {
  await check("GraphiQL loads from the server's own files", async () => {
    const response = await page.goto(new URL("/graphql/", base).href);
    assert(response.status() === 200, `GET /graphql/ answered ${response.status()}`);
    await page.waitForSelector(".graphiql-container", { timeout: 15000 });
    await page.waitForFunction(editorExists, { selector: QUERY });
    await page.waitForFunction(editorExists, { selector: RESULT });
    // The sample document holds three operations: once Run is their menu, GraphiQL has
    // read it, so run() below sees the change to its own single operation.
    await page.waitForSelector(".graphiql-execute-button[aria-haspopup]");
  });

  await check("tokenAuth signs in", async () => {
    const body = await run(
      `mutation { tokenAuth(username: "${USERNAME}", password: "${PASSWORD}") { token } }`,
      '"token"');
    token = body.data.tokenAuth.token;
    assert(token, "no token");
  });

  await check("a query runs with the Authorization header set in the headers editor", async () => {
    await page.getByRole("button", { name: "Headers" }).click();
    await setEditor(HEADERS, JSON.stringify({ Authorization: `JWT ${token}` }));
    const body = await run("{ me { username } items { totalCount results { id name } } }",
      '"totalCount"');
    assert(body.data.me.username === USERNAME, `me is ${JSON.stringify(body.data.me)}`);
    assert(body.data.items.results.some((item) => item.id === ITEM_ID), "the item is missing");
  });

  await check("a subscription receives the event of a mutation", async () => {
    await setEditor(RESULT, "");
    await setEditor(QUERY, `subscription { stockChanges(itemId: "${ITEM_ID}") { newQuantity reason } }`);
    await page.click(".graphiql-execute-button");
    // The server subscribes asynchronously: adjust until an event shows (each one sends one).
    let seen = null;
    for (let attempt = 0; attempt < 8 && !seen; attempt += 1) {
      const quantity = await mutate(token, 1);
      try {
        await resultIncludes(`"newQuantity": ${quantity}`, 1500);
        seen = quantity;
      } catch {
        // not subscribed yet
      }
    }
    assert(seen !== null, `no event arrived; result pane: ${await result()}`);
    assert((await result()).includes('"reason": "RECEIVED"'), "the event lacks its reason");
  });

  await check("nothing was requested from outside 127.0.0.1", async () => {
    assert(blocked.length === 0, `blocked: ${blocked.join(", ")}`);
    const relevant = consoleErrors.filter((text) => !text.includes("favicon"));
    assert(relevant.length === 0, `console errors: ${relevant.join(" | ")}`);
  });
} catch {
  // reported by check(); the summary below counts it
} finally {
  await browser.close();
}
const passed = results.filter((r) => r.ok).length;
console.log(`browser: ${passed} passed, ${results.length - passed} failed`);
process.exit(passed === 5 ? 0 : 1);
