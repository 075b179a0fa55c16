// Mode rapat in the browser. The keyboard moves through the screens by the page's own links
// (rel=prev/next), so the keys do exactly what the visible links do; never while typing in a field.
// A slide the forum fills holds one form (form[data-langsung]) that is a plain form without this
// script. With it, what is typed is posted as it is typed (the same POST, the same save path), and
// the slide the server answers with — totals and ranks from `rank`'s definition, the fishbone redrawn,
// a conflict with both values — replaces the shown one, keeping the field being typed in, its caret
// and anything typed while the save was on its way. Every 1.5 s the month file's hash is asked for
// (/bulan/<M>/rapat/versi): when another window saved, the slide is fetched again, unless this one
// is in the middle of typing (its own save merges with the other's then).
"use strict";
(function () {
  const body = document.body;
  const form = () => document.querySelector("form[data-langsung]");
  const controls = (f) =>
    Array.from(f.elements).filter(
      (el) =>
        el.name && el.type !== "hidden" && el.type !== "submit" && el.type !== "button" && !el.name.startsWith("_"),
    );
  const valueOf = (el) => (el.type === "checkbox" || el.type === "radio" ? String(el.checked) : el.value);
  const setValue = (el, from) => {
    if (el.type === "checkbox" || el.type === "radio") el.checked = from.checked;
    else el.value = from.value;
  };
  const status = (text, kind) => {
    const s = document.querySelector("form[data-langsung] [data-keadaan]");
    if (!s) return;
    s.textContent = text || "";
    s.dataset.jenis = kind || "";
  };

  let busy = false; // a save on its way
  let again = false; // typed while it was
  let typed = false; // typed since the last save was sent
  let timer = null;
  let sent = null; // the fields' values as the last save sent them, by position
  let waiting = [];
  // The form as last shown or sent, serialised: an event that changes nothing (a field's change event
  // as the slide is put in place) saves nothing.
  const serial = (f) => new URLSearchParams(new FormData(f)).toString();
  let known = form() ? serial(form()) : "";
  const changed = (event) => {
    const f = event.target.closest && event.target.closest("form[data-langsung]");
    return Boolean(f) && serial(f) !== known;
  };

  const schedule = (delay) => {
    clearTimeout(timer);
    timer = setTimeout(save, delay);
  };
  // Nothing on its way and nothing waiting to be saved: a conflict to choose or an entry to fix holds
  // values the file does not have, so another window's save is not shown over them (the person's
  // next save merges with it instead).
  const idle = () =>
    !busy && !timer && !typed && !document.querySelector("form[data-langsung] :is(.conflict, .note.error)");

  async function save() {
    clearTimeout(timer);
    timer = null;
    const f = form();
    if (!f) return;
    if (busy) {
      again = true;
      return;
    }
    busy = true;
    again = false;
    typed = false;
    sent = controls(f).map(valueOf);
    known = serial(f);
    status(body.dataset.pesanSimpan, "simpan");
    try {
      const res = await fetch(f.action, {
        method: "POST",
        body: new URLSearchParams(new FormData(f)),
        credentials: "same-origin",
      });
      if (!res.ok) throw new Error(String(res.status));
      const html = await res.text();
      apply(html, res.url);
      // A redirect is a save made; a page sent back is a conflict or a mistake, its message in the form.
      if (res.redirected) status(body.dataset.pesanTersimpan, "ok");
    } catch {
      status(body.dataset.pesanPutus, "putus");
    } finally {
      busy = false;
      sent = null;
      if (again || typed) schedule(0);
      else {
        const done = waiting;
        waiting = [];
        done.forEach((resolve) => resolve());
      }
    }
  }
  /** Resolves once nothing typed is left unsaved (before leaving the slide). */
  const saved = () => (!busy && !timer && !typed ? Promise.resolve() : new Promise((resolve) => waiting.push(resolve)));

  /** The slide as the server sent it, in place of the shown one, without losing what is being typed. */
  function apply(html, url) {
    const doc = new DOMParser().parseFromString(html, "text/html");
    const main = doc.querySelector("main#isi");
    const here = document.querySelector("main#isi");
    if (!main || !here) return;
    const old = form() ? controls(form()) : [];
    const active = document.activeElement;
    const at = old.indexOf(active);
    let selection = null;
    try {
      if (at >= 0 && typeof active.selectionStart === "number")
        selection = [active.selectionStart, active.selectionEnd];
    } catch {
      selection = null;
    }
    const before = old.map((el) => ({ el, value: valueOf(el) }));
    const fresh = document.importNode(main, true);
    here.replaceWith(fresh);
    for (const sel of ["header.bar", "nav.steps"]) {
      const a = document.querySelector(sel);
      const b = doc.querySelector(sel);
      if (a && b) a.replaceWith(document.importNode(b, true));
    }
    for (const rel of ["prev", "next"]) {
      document.querySelectorAll(`head link[rel="${rel}"]`).forEach((l) => l.remove());
      const l = doc.querySelector(`head link[rel="${rel}"]`);
      if (l) document.head.appendChild(document.importNode(l, true));
    }
    document.title = doc.title;
    body.dataset.versi = doc.body.dataset.versi || "";
    for (const key of ["awal", "akhir"]) body.dataset[key] = doc.body.dataset[key] || body.dataset[key];
    const path = url ? new URL(url, location.href).pathname : location.pathname;
    if (path !== location.pathname && /\/rapat\/\d+$/.test(path)) history.replaceState(null, "", path);
    const now = form() ? controls(form()) : [];
    // Typed while the save was on its way: kept (by position: a row just saved got its id) and sent next.
    let carried = false;
    if (sent && now.length === before.length)
      before.forEach(({ el, value }, i) => {
        if (value !== sent[i]) {
          setValue(now[i], el);
          carried = true;
        }
      });
    known = form() ? serial(form()) : "";
    if (carried) typed = true;
    if (at >= 0 && now[at]) {
      now[at].focus({ preventScroll: true });
      if (selection)
        try {
          now[at].setSelectionRange(selection[0], selection[1]);
        } catch {
          // not a text field
        }
    }
    if (window.htmx) window.htmx.process(fresh);
    fitAll();
  }

  // Typing saves after a short pause; a choice (select, checkbox) and Enter save at once.
  document.addEventListener("input", (event) => {
    if (!changed(event)) return;
    typed = true;
    schedule(600);
  });
  document.addEventListener("change", (event) => {
    if (!changed(event)) return;
    typed = true;
    schedule(event.target.type === "text" || event.target.tagName === "TEXTAREA" ? 150 : 0);
  });
  document.addEventListener("submit", (event) => {
    if (!event.target.matches || !event.target.matches("form[data-langsung]")) return;
    event.preventDefault();
    typed = true;
    schedule(0);
  });
  // A row removed: it goes (and its note), focus moves to the next row or the add button, and the
  // removal is saved like a value typed. (The month pages' app.js is not loaded here: its guard
  // against leaving with unsaved entries has nothing to guard where every entry is saved as typed.)
  document.addEventListener("click", (event) => {
    const button = event.target.closest && event.target.closest("form[data-langsung] [data-hapus]");
    const row = button && button.closest("[data-row]");
    if (!row) return;
    // Saved at once here, unlike a month page: ask first, naming the row (its button's label).
    const ask = document.body.dataset.pesanHapus;
    if (ask && !window.confirm(ask.replace("{baris}", button.getAttribute("aria-label") || ""))) return;
    const list = row.parentElement && row.parentElement.closest("fieldset, section");
    const note = row.nextElementSibling && row.nextElementSibling.classList.contains("row-note");
    const after = (note ? row.nextElementSibling : row).nextElementSibling;
    if (note) row.nextElementSibling.remove();
    row.remove();
    const next =
      (after && after.querySelector("input:not([type=hidden]), select, textarea")) ||
      (list && list.querySelector(":scope > button.add"));
    if (next) next.focus();
    typed = true;
    schedule(300);
  });
  // A row added (htmx, from /baris): its first field has the focus.
  document.addEventListener("htmx:afterSwap", (event) => {
    const target = event.detail && event.detail.target;
    if (!target || !(target.tagName === "TBODY" || target.classList.contains("card-rows"))) return;
    const rows = target.querySelectorAll(":scope > [data-row]");
    const last = rows[rows.length - 1];
    const field = last && last.querySelector("input:not([type=hidden]), select, textarea");
    if (field) field.focus();
  });
  // A one-line text shown wrapped (textarea[data-satu-baris]): Enter saves instead of breaking the line,
  // and the box grows with the text.
  const fit = (el) => {
    el.style.height = "auto";
    el.style.height = `${el.scrollHeight + 2}px`;
  };
  document.addEventListener("keydown", (event) => {
    if (event.key !== "Enter" || !event.target.matches || !event.target.matches("textarea[data-satu-baris]")) return;
    event.preventDefault();
    if (event.target.closest("form[data-langsung]")) {
      typed = true;
      schedule(0);
    }
  });
  document.addEventListener("input", (event) => {
    if (event.target.matches && event.target.matches("textarea[data-satu-baris]")) fit(event.target);
  });
  const fitAll = () => document.querySelectorAll("textarea[data-satu-baris]").forEach(fit);
  document.addEventListener("DOMContentLoaded", fitAll);
  document.addEventListener("htmx:afterSwap", fitAll);

  // Another window's saves.
  const poll = async () => {
    const url = body.dataset.versiUrl;
    if (!url || !idle()) return;
    try {
      const res = await fetch(url, { cache: "no-store", credentials: "same-origin" });
      if (!res.ok) return;
      const { versi } = await res.json();
      if (!versi || versi === body.dataset.versi || !idle()) return;
      const page = await fetch(location.pathname, { cache: "no-store", credentials: "same-origin" });
      if (page.ok && idle()) apply(await page.text(), page.url);
    } catch {
      // lokmin stopped: the next poll tries again
    }
  };
  setInterval(poll, 1500);

  document.addEventListener("keydown", (event) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const target = event.target;
    if (target instanceof HTMLElement && target.closest("input, textarea, select, button, [contenteditable]")) {
      // Esc leaves the field, so the arrow keys move through the screens again.
      if (event.key === "Escape") {
        event.preventDefault();
        target.blur();
      }
      return;
    }
    const link = (rel) => document.querySelector(`link[rel="${rel}"]`)?.getAttribute("href");
    let href;
    switch (event.key) {
      case "ArrowRight":
      case "PageDown":
      case " ":
        href = link("next");
        break;
      case "ArrowLeft":
      case "PageUp":
        href = link("prev");
        break;
      case "Home":
        href = body.dataset.awal;
        break;
      case "End":
        href = body.dataset.akhir;
        break;
      case "Escape":
        href = body.dataset.keluar;
        break;
      default:
        return;
    }
    event.preventDefault();
    if (href && href !== location.pathname) saved().then(() => location.assign(href));
  });
})();
