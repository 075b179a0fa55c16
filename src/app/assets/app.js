// lokmin in the browser: the little the pages need beyond HTML and htmx. No inline script
// anywhere (the Content-Security-Policy forbids it); everything is wired here by data attributes.
(function () {
  "use strict";

  // Leaving a page with unsaved entries asks first.
  let dirty = false;
  const guarded = (el) => el && el.closest && el.closest("form[data-jaga]");
  document.addEventListener("input", (event) => {
    if (guarded(event.target)) dirty = true;
  });
  document.addEventListener("change", (event) => {
    if (guarded(event.target)) dirty = true;
  });
  document.addEventListener("submit", (event) => {
    if (guarded(event.target)) dirty = false;
  });
  window.addEventListener("beforeunload", (event) => {
    if (!dirty) return;
    event.preventDefault();
    event.returnValue = document.body.dataset.pesanTinggalkan || "";
  });

  // A one-line text shown wrapped (a name in a narrow column): Enter does not break the line, and the
  // box grows to show the whole text (where the browser does not size it by its content already).
  const fit = (el) => {
    el.style.height = "auto";
    el.style.height = `${el.scrollHeight + 2}px`;
  };
  const fitAll = (root) => root.querySelectorAll && root.querySelectorAll("textarea[data-satu-baris]").forEach(fit);
  document.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && event.target.matches && event.target.matches("textarea[data-satu-baris]"))
      event.preventDefault();
  });
  document.addEventListener("input", (event) => {
    if (event.target.matches && event.target.matches("textarea[data-satu-baris]")) fit(event.target);
  });
  document.addEventListener("DOMContentLoaded", () => fitAll(document));
  document.addEventListener("htmx:afterSwap", (event) => fitAll(event.target));
  window.addEventListener("resize", () => fitAll(document));

  // Removing a row: the row goes (and its note), focus moves to the next row or the add button.
  document.addEventListener("click", (event) => {
    const button = event.target.closest && event.target.closest("[data-hapus]");
    if (!button) return;
    const row = button.closest("[data-row]");
    if (!row) return;
    const table = row.parentElement && row.parentElement.closest("fieldset, section");
    const next =
      row.nextElementSibling && row.nextElementSibling.classList.contains("row-note") ? row.nextElementSibling : null;
    const after = (next || row).nextElementSibling;
    if (next) next.remove();
    row.remove();
    dirty = true;
    const target =
      (after && after.querySelector("input:not([type=hidden]), select, textarea")) ||
      (table && table.querySelector(":scope > button.add"));
    if (target) target.focus();
  });

  // A row added by htmx: focus its first field.
  document.addEventListener("htmx:afterSwap", (event) => {
    const body = event.detail && event.detail.target;
    if (!body || !(body.tagName === "TBODY" || body.classList.contains("card-rows"))) return;
    const rows = body.querySelectorAll(":scope > [data-row]");
    const last = rows[rows.length - 1];
    const field = last && last.querySelector("input:not([type=hidden]), select, textarea");
    if (field) field.focus();
    dirty = true;
  });

  // The create form: the folder follows the Puskesmas' name until the person types a folder.
  const create = document.querySelector('form[action="/mulai/buat"]');
  if (create) {
    const name = create.querySelector('[name="nama"]');
    const folder = create.querySelector('[name="folder"]');
    if (name && folder) {
      const base = folder.value;
      let typed = !/[\\/]$/.test(base);
      folder.addEventListener("input", () => (typed = true));
      name.addEventListener("input", () => {
        if (!typed) folder.value = base + name.value.replace(/[\\/:*?"<>|]+/g, " ").trim();
      });
    }
  }

  // A drop zone (label[data-jatuhkan] around a file input): files dragged onto it become the input's
  // files, and their names are shown.
  document.querySelectorAll("[data-jatuhkan]").forEach((zone) => {
    const input = zone.querySelector('input[type="file"]');
    const shown = zone.querySelector(".chosen");
    if (!input) return;
    const show = () => {
      if (shown)
        shown.textContent = Array.from(input.files || [])
          .map((f) => f.name)
          .join(", ");
    };
    input.addEventListener("change", show);
    zone.addEventListener("dragover", (event) => {
      event.preventDefault();
      zone.classList.add("over");
    });
    zone.addEventListener("dragleave", () => zone.classList.remove("over"));
    zone.addEventListener("drop", (event) => {
      event.preventDefault();
      zone.classList.remove("over");
      if (!event.dataTransfer || !event.dataTransfer.files.length) return;
      input.files = event.dataTransfer.files;
      show();
    });
  });
})();
