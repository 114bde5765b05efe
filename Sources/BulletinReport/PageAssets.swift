/// The CSS and script the pages carry inline (no network): the one place they are written.
enum PageAssets {
    /// The Content-Security-Policy of every page: nothing loads from anywhere, only the page's own
    /// inline style and script run.
    static let contentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:; frame-src 'self' file:"

    /// Colours for the three claim statuses and underlines by kind of quantity.
    static let baseStyle = """
    :root { --ok: #1a7f37; --bad: #cf222e; --unk: #9a6700; --ink: #1f2328; --muted: #656d76; --line: #d0d7de; --bg: #fff; --tint: #f6f8fa; }
    * { box-sizing: border-box; }
    body { margin: 0; font: 16px/1.7 system-ui, "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif; color: var(--ink); background: var(--bg); }
    header.top, main, section.problems, footer { max-width: 52rem; margin: 0 auto; padding: 0 1rem; }
    h1 { font-size: 1.35rem; line-height: 1.4; margin: 1rem 0 .3rem; }
    .meta { color: var(--muted); font-size: .85rem; margin: 0 0 .5rem; overflow-wrap: anywhere; }
    .counts span, .pill { display: inline-block; padding: 0 .5em; border-radius: 1em; font-size: .85rem; margin-right: .3em; border: 1px solid var(--line); }
    .pill.consistent, .counts .consistent { color: var(--ok); border-color: var(--ok); }
    .pill.inconsistent, .counts .inconsistent, .counts .fail { color: var(--bad); border-color: var(--bad); }
    .pill.unverifiable, .counts .unverifiable { color: var(--unk); border-color: var(--unk); }
    .hint { color: var(--muted); font-size: .8rem; }
    kbd { border: 1px solid var(--line); border-radius: 3px; padding: 0 .3em; font-size: .8em; }
    table { border-collapse: collapse; margin: .6rem 0; font-size: .9rem; }
    th, td { border: 1px solid var(--line); padding: .2rem .45rem; vertical-align: top; }
    th { background: var(--tint); font-weight: 600; }
    @media print {
      body { font-size: 11pt; }
      .noprint, #panel, .hint { display: none !important; }
      * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
      a { color: inherit; text-decoration: none; }
    }
    """

    static let documentStyle = """
    main p { margin: .35rem 0; overflow-wrap: anywhere; }
    main .item { padding-left: 1em; }
    main h2 { font-size: 1.15rem; margin: 1.2rem 0 .4rem; }
    main h3 { font-size: 1.02rem; margin: .9rem 0 .3rem; }
    main h4 { font-size: 1rem; margin: .7rem 0 .2rem; }
    .table-wrap { overflow-x: auto; }
    .q { text-decoration: underline 2px; text-underline-offset: 3px; text-decoration-color: #8c959f; }
    .k-people { text-decoration-color: #0969da; }
    .k-money { text-decoration-color: #bf8700; text-decoration-style: double; }
    .k-area, .k-length, .k-volume { text-decoration-color: #8250df; }
    .k-thing { text-decoration-color: #1b7c83; }
    .k-percent, .k-permille, .k-points, .k-ratio { text-decoration-color: #57606a; text-decoration-style: dotted; }
    .k-time, .k-duration, .k-mass, .k-energy, .k-power { text-decoration-color: #953800; text-decoration-style: dashed; }
    .claim { font-weight: 700; border-radius: 3px; padding: 0 .1em; cursor: pointer; }
    .claim.consistent { color: var(--ok); background: #dafbe1; }
    .claim.inconsistent { color: var(--bad); background: #ffebe9; }
    .claim.unverifiable { color: var(--unk); background: #fff8c5; }
    .claim:focus { outline: 2px solid var(--ink); outline-offset: 1px; }
    .claim.selected { box-shadow: 0 0 0 2px currentColor; }
    .ref-consistent { outline: 2px solid var(--ok); outline-offset: 2px; border-radius: 2px; }
    .ref-inconsistent { outline: 2px solid var(--bad); outline-offset: 2px; border-radius: 2px; }
    .ref-unverifiable { outline: 2px solid var(--unk); outline-offset: 2px; border-radius: 2px; }
    .check-flag { color: var(--bad); text-decoration: none; font-weight: 700; padding: 0 .15em; }
    .check-flag.selected { outline: 2px solid var(--bad); }
    section.problems { margin-top: .8rem; }
    section.problems h2 { font-size: 1rem; margin: .4rem 0; color: var(--bad); }
    section.problems ol { margin: 0 0 .6rem; padding-left: 1.4rem; font-size: .92rem; }
    section.problems a { color: inherit; }
    #panel { position: fixed; right: 1rem; top: 1rem; width: min(24rem, calc(100vw - 2rem)); max-height: calc(100vh - 2rem); overflow: auto;
             background: var(--bg); border: 1px solid var(--line); border-left: 5px solid var(--muted); border-radius: 6px; padding: .6rem .9rem;
             box-shadow: 0 8px 24px rgba(140,149,159,.3); font-size: .9rem; }
    #panel.consistent { border-left-color: var(--ok); }
    #panel.inconsistent, #panel.fail { border-left-color: var(--bad); }
    #panel.unverifiable { border-left-color: var(--unk); }
    #panel h2 { font-size: 1rem; margin: .2rem 0 .4rem; }
    #panel dl { margin: 0; display: grid; grid-template-columns: max-content 1fr; gap: .15rem .6rem; }
    #panel dt { color: var(--muted); }
    #panel dd { margin: 0; overflow-wrap: anywhere; }
    #panel .where { color: var(--muted); font-size: .82rem; }
    #panel .reason { font-weight: 600; }
    #panel button.close { float: right; border: 0; background: none; font-size: 1.2rem; cursor: pointer; }
    @media (min-width: 64rem) { body.has-panel { padding-right: 25rem; } #panel { width: 23rem; } }
    @media (max-width: 40rem) {
      body { font-size: 15px; }
      #panel { left: 0; right: 0; top: auto; bottom: 0; width: 100%; max-height: 50vh; border-radius: 10px 10px 0 0; border-left-width: 1px; border-top: 5px solid var(--muted); }
      #panel.consistent { border-top-color: var(--ok); } #panel.inconsistent, #panel.fail { border-top-color: var(--bad); } #panel.unverifiable { border-top-color: var(--unk); }
    }
    """

    static let indexStyle = """
    main, header.top { max-width: 72rem; }
    table.documents { width: 100%; }
    table.documents th button { all: unset; cursor: pointer; }
    table.documents th button::after { content: " ↕"; color: var(--muted); font-size: .8em; }
    table.documents th[aria-sort="ascending"] button::after { content: " ▲"; }
    table.documents th[aria-sort="descending"] button::after { content: " ▼"; }
    td.num { text-align: right; font-variant-numeric: tabular-nums; }
    td.bad { color: var(--bad); font-weight: 700; }
    .charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(20rem, 1fr)); gap: 1rem; }
    figure.series { margin: 0; border: 1px solid var(--line); border-radius: 6px; padding: .5rem; }
    figure.series figcaption { font-size: .85rem; }
    figure.series svg { width: 100%; height: auto; }
    svg .actual { stroke: #0969da; fill: none; stroke-width: 2; }
    svg .target { stroke: #8c959f; fill: none; stroke-width: 1.5; stroke-dasharray: 4 3; }
    svg .dot-actual { fill: #0969da; } svg .dot-target { fill: #8c959f; }
    svg .flagged { fill: var(--bad); stroke: var(--bad); }
    svg text { font-size: 10px; fill: var(--muted); }
    svg .axis { stroke: var(--line); }
    .flags { color: var(--bad); font-size: .8rem; margin: .2rem 0 0; padding-left: 1.1rem; }
    @media (max-width: 40rem) { table.documents .wide { display: none; } }
    """

    /// The document page's script: selecting a claim or check (click, focus, #claim-N in the
    /// address; #open-claim-N opens its panel without scrolling to it) shows its details in the panel and outlines its actual and target; n / p (or j / k)
    /// go to the next and previous problem; Escape closes the panel. `#selftest` runs the page's
    /// own checks for the browser test and writes their results into #selftest-result.
    static let documentScript = """
    (function () {
      'use strict';
      var panel = document.getElementById('panel');
      var selected = [];
      function clearSelection() {
        selected.forEach(function (s) { s.el.classList.remove(s.cls); });
        selected = [];
      }
      function mark(el, cls) { if (el) { el.classList.add(cls); selected.push({ el: el, cls: cls }); } }
      function statusOf(el) {
        return ['inconsistent', 'unverifiable', 'consistent', 'fail'].find(function (s) { return el.classList.contains(s); }) || '';
      }
      function show(el) {
        var detail = document.getElementById('detail-' + el.id);
        if (!detail) { return; }
        clearSelection();
        mark(el, 'selected');
        var status = statusOf(el);
        ['actual', 'target', 'part'].forEach(function (role) {
          var id = el.getAttribute('data-' + role);
          if (id) { mark(document.getElementById(id), 'ref-' + (status === 'fail' ? 'inconsistent' : status)); }
        });
        panel.replaceChildren(detail.content.cloneNode(true));
        panel.className = status;
        panel.hidden = false;
        panel.setAttribute('data-for', el.id);
        var close = panel.querySelector('button.close');
        if (close) { close.addEventListener('click', hide); }
      }
      function hide() { clearSelection(); panel.hidden = true; panel.removeAttribute('data-for'); }
      function selectable(target) { return target && target.closest ? target.closest('.claim, .check-flag') : null; }
      document.addEventListener('click', function (event) {
        var el = selectable(event.target);
        if (el) { show(el); if (el.tagName === 'A') { event.preventDefault(); history.replaceState(null, '', '#' + el.id); } }
      });
      document.addEventListener('focusin', function (event) { var el = selectable(event.target); if (el) { show(el); } });
      function problems() { return Array.prototype.slice.call(document.querySelectorAll('main .claim.inconsistent, main .check-flag')); }
      function step(direction) {
        var list = problems();
        if (!list.length) { return null; }
        var current = list.indexOf(document.getElementById(panel.getAttribute('data-for') || ''));
        var next = current < 0 ? (direction > 0 ? 0 : list.length - 1) : (current + direction + list.length) % list.length;
        list[next].focus();
        list[next].scrollIntoView({ block: 'center' });
        show(list[next]);
        return list[next];
      }
      document.addEventListener('keydown', function (event) {
        if (event.altKey || event.ctrlKey || event.metaKey) { return; }
        if (event.key === 'n' || event.key === 'j') { step(1); event.preventDefault(); }
        else if (event.key === 'p' || event.key === 'k') { step(-1); event.preventDefault(); }
        else if (event.key === 'Escape') { hide(); }
      });
      function fromAddress() {
        var id = decodeURIComponent(location.hash.slice(1)).replace(/^open-/, '');
        var el = id ? document.getElementById(id) : null;
        if (el && selectable(el) === el) { show(el); }
      }
      window.addEventListener('hashchange', fromAddress);
      function selftest() {
        var result = { claims: [], clicked: null, panel: null, outlined: [], steps: [], alerted: !!window.bulletinAlerted,
                       images: document.images.length, scripts: document.scripts.length, text: document.querySelector('main').textContent };
        document.querySelectorAll('main .claim').forEach(function (el) {
          result.claims.push({ index: Number(el.getAttribute('data-claim')), status: statusOf(el), text: el.textContent });
        });
        var bad = document.querySelector('main .claim.inconsistent');
        if (bad) {
          bad.dispatchEvent(new MouseEvent('click', { bubbles: true }));
          result.clicked = Number(bad.getAttribute('data-claim'));
          result.panel = panel.hidden ? null : panel.textContent;
          result.outlined = Array.prototype.map.call(document.querySelectorAll('.ref-inconsistent'), function (e) { return e.textContent; });
          hide();
        }
        var first = step(1), second = step(1), back = step(-1);
        result.steps = [first, second, back].map(function (e) { return e ? e.id : null; });
        result.problems = problems().length;
        hide();
        var out = document.getElementById('selftest-result');
        out.textContent = JSON.stringify(result);
      }
      if (location.hash === '#selftest') { selftest(); } else { fromAddress(); }
    })();
    """

    /// Runs before anything else on the page: under #selftest, alert() only records that it ran.
    static let alertProbe = """
    if (location.hash === '#selftest') { window.alert = function () { window.bulletinAlerted = true; document.documentElement.setAttribute('data-alerted', 'yes'); }; }
    """

    /// The index's script: a click on a column header sorts the rows by it (again: reversed).
    /// `#selftest` loads every document page in a hidden frame (so the browser logs their console
    /// errors), sorts by the first column, and writes what it did into #selftest-result.
    static let indexScript = """
    (function () {
      'use strict';
      var table = document.querySelector('table.documents');
      function key(row, column) {
        var cell = row.children[column];
        var value = cell.getAttribute('data-sort');
        return value === null ? cell.textContent.trim() : value;
      }
      function sortBy(th) {
        var column = Array.prototype.indexOf.call(th.parentNode.children, th);
        var ascending = th.getAttribute('aria-sort') !== 'ascending';
        table.querySelectorAll('th').forEach(function (h) { h.removeAttribute('aria-sort'); });
        th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
        var numeric = th.hasAttribute('data-numeric');
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = key(a, column), y = key(b, column);
          var order = numeric ? Number(x) - Number(y) : x.localeCompare(y, 'zh');
          return ascending ? order : -order;
        });
        rows.forEach(function (row) { body.appendChild(row); });
      }
      if (table) {
        table.querySelectorAll('th button').forEach(function (button) {
          button.addEventListener('click', function () { sortBy(button.parentNode); });
        });
      }
      function selftest() {
        var links = Array.prototype.map.call(document.querySelectorAll('table.documents td a'), function (a) { return a.getAttribute('href'); });
        var loaded = 0;
        var result = { documents: links.length, loaded: 0, sorted: [], charts: document.querySelectorAll('figure.series svg').length };
        var out = document.getElementById('selftest-result');
        function next(i) {
          if (i >= links.length) {
            var header = table ? table.querySelector('th[data-numeric] button') : null;
            if (header) {
              header.click(); header.click();
              result.sorted = Array.prototype.map.call(table.tBodies[0].rows, function (r) { return r.getAttribute('data-id'); });
            }
            result.loaded = loaded;
            out.textContent = JSON.stringify(result);
            return;
          }
          var frame = document.createElement('iframe');
          frame.hidden = true;
          frame.addEventListener('load', function () { loaded += 1; frame.remove(); next(i + 1); });
          frame.src = links[i];
          document.body.appendChild(frame);
        }
        next(0);
      }
      if (location.hash === '#selftest') { selftest(); }
    })();
    """
}
