// Draw every chart from its inert JSON spec, and make marked tables searchable and sortable.

// The page carries Vega, Vega-Lite and Vega-Embed gzip-compressed and base64-encoded in an
// inert element; they are inflated here with the browser's own DecompressionStream and run
// once, defining window.vegaEmbed. Nothing is fetched.
async function loadChartLibrary() {
  const packed = document.getElementById("nkhr-chart-library");
  if (window.vegaEmbed || !packed) return window.vegaEmbed;
  const bytes = Uint8Array.from(atob(packed.textContent.trim()), (c) => c.charCodeAt(0));
  const inflated = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
  const source = await new Response(inflated).text();
  new Function(`"use strict";\n${source}`)();
  return window.vegaEmbed;
}

async function drawCharts() {
  const holders = document.querySelectorAll("script.nkhr-chart-spec");
  if (holders.length === 0) return;
  let embed;
  try {
    embed = await loadChartLibrary();
  } catch (error) {
    console.error(error);
  }
  for (const holder of holders) {
    const target = document.getElementById(holder.dataset.target);
    if (!embed) {
      target.textContent = "This browser could not load the chart library; the chart's description follows.";
      continue;
    }
    embed(target, JSON.parse(holder.textContent), { actions: false, renderer: "svg" })
      .catch((error) => {
        target.textContent = "This chart could not be drawn: " + error.message;
        console.error(error);
      });
  }
}

drawCharts();

function cellValue(row, column) {
  const text = row.cells[column] ? row.cells[column].innerText.trim() : "";
  const number = Number(text.replace(/,/g, ""));
  return text !== "" && !Number.isNaN(number) ? number : text.toLowerCase();
}

for (const table of document.querySelectorAll("table.nkhr-searchable")) {
  const body = table.tBodies[0];
  const search = document.createElement("input");
  search.type = "search";
  search.className = "nkhr-table-search";
  search.placeholder = "Filter rows…";
  search.setAttribute("aria-label", "Filter the rows of the table below");
  search.addEventListener("input", () => {
    const query = search.value.trim().toLowerCase();
    for (const row of body.rows) {
      row.hidden = query !== "" && !row.innerText.toLowerCase().includes(query);
    }
  });
  table.before(search);

  table.tHead.querySelectorAll("th").forEach((header, column) => {
    const button = document.createElement("button");
    button.type = "button";
    button.textContent = header.textContent;
    header.textContent = "";
    header.append(button);
    header.setAttribute("aria-sort", "none");
    button.addEventListener("click", () => {
      const ascending = header.getAttribute("aria-sort") !== "ascending";
      table.tHead.querySelectorAll("th").forEach((h) => h.setAttribute("aria-sort", "none"));
      header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
      const rows = Array.from(body.rows);
      rows.sort((a, b) => {
        const x = cellValue(a, column), y = cellValue(b, column);
        const order = typeof x === typeof y ? (x < y ? -1 : x > y ? 1 : 0) : (typeof x === "number" ? -1 : 1);
        return ascending ? order : -order;
      });
      body.append(...rows);
    });
  });
}

// Escape closes an open quote and gives the keyboard back to its button.
document.addEventListener("keydown", (event) => {
  if (event.key !== "Escape") return;
  for (const open of document.querySelectorAll("details.nkhr-source[open]")) {
    open.open = false;
    open.querySelector("summary").focus();
  }
});

// Print keeps the evidence: every sourced figure gets a note number, and the notes (quote,
// document, offsets) are listed at the end of the section it is in. Built once, shown only in print.
function buildPrintNotes() {
  const main = document.querySelector("main");
  if (!main) return;
  let number = 0;
  let notes = null;
  const flush = (before) => {
    if (notes && notes.children.length) {
      if (before) before.before(notes); else main.append(notes);
    }
    notes = null;
  };
  const walker = main.querySelectorAll("h2, details.nkhr-source");
  for (const element of walker) {
    if (element.tagName === "H2") { flush(element); continue; }
    const body = element.querySelector(".nkhr-source-body");
    if (!body) continue;
    number += 1;
    const ref = document.createElement("sup");
    ref.className = "nkhr-note-ref";
    ref.textContent = String(number);
    element.after(ref);
    if (!notes) { notes = document.createElement("ol"); notes.className = "nkhr-print-notes"; }
    const item = document.createElement("li");
    item.value = number;
    item.innerHTML = body.innerHTML;
    notes.append(item);
  }
  const pager = main.querySelector(".nkhr-pager");
  flush(pager);
}
buildPrintNotes();
