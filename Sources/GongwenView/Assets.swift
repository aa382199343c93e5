import Gongwen

/// The inline script and style sheet of the pages. Static strings: the page's
/// Content-Security-Policy allows exactly these by their SHA-256.
enum SharedAssets {
    /// Installed first in `<head>`: records script errors, console errors and warnings and
    /// policy violations; `gw.whenSelftest(checks)` runs the page's checks on load when the URL
    /// ends in `#selftest` and writes the result into `<pre id="gw-selftest" data-status="pass|fail">`.
    static let selftestCore = #"""
(function () {
  'use strict';
  var gw = window.gw = { errors: [], violations: [] };
  window.addEventListener('error', function (e) {
    gw.errors.push('error: ' + (e.message || (e.target && e.target.tagName) || 'unknown'));
  }, true);
  window.addEventListener('unhandledrejection', function (e) { gw.errors.push('unhandled rejection: ' + e.reason); });
  document.addEventListener('securitypolicyviolation', function (e) {
    gw.violations.push(e.violatedDirective + ' ' + (e.blockedURI || 'inline'));
  });
  ['error', 'warn'].forEach(function (level) {
    var original = console[level];
    console[level] = function () {
      gw.errors.push('console.' + level + ': ' + Array.prototype.join.call(arguments, ' '));
      return original.apply(console, arguments);
    };
  });
  gw.ready = function (fn) {
    if (document.readyState !== 'loading') fn(); else document.addEventListener('DOMContentLoaded', fn);
  };
  gw.selftest = function (pageChecks) {
    var failures = [], checks = {};
    function check(name, ok, detail) {
      checks[name] = ok ? 'ok' : 'FAIL ' + (detail || '');
      if (!ok) failures.push(name + ': ' + (detail || ''));
    }
    try { pageChecks(check); } catch (e) { check('page checks ran', false, String((e && e.stack) || e)); }
    var bad = [];
    document.querySelectorAll('a[href^="#"]').forEach(function (a) {
      var id = decodeURIComponent(a.getAttribute('href').slice(1));
      if (!id || !document.getElementById(id)) bad.push(id);
    });
    check('every in-page link resolves to an anchor', bad.length === 0, bad.slice(0, 5).join(', '));
    var font = getComputedStyle(document.body).fontFamily;
    check('style sheet applied (CJK font stack)', /Noto Sans CJK SC/.test(font), font);
    var sw = document.documentElement.scrollWidth, w = window.innerWidth;
    check('nothing scrolls sideways', sw <= w, 'scrollWidth ' + sw + ' > ' + w);
    check('no Content-Security-Policy violation', gw.violations.length === 0, gw.violations.join('; '));
    check('no script or console error', gw.errors.length === 0, gw.errors.join('; '));
    var status = failures.length ? 'fail' : 'pass';
    var nav = performance.getEntriesByType('navigation')[0];
    var timing = nav ? { domContentLoaded: Math.round(nav.domContentLoadedEventEnd), load: Math.round(nav.loadEventEnd) } : {};
    var out = document.createElement('pre');
    out.id = 'gw-selftest';
    out.setAttribute('data-status', status);
    out.setAttribute('data-width', String(w));
    out.setAttribute('data-scroll-width', String(sw));
    out.textContent = JSON.stringify({ status: status, width: w, scrollWidth: sw, timing: timing, checks: checks, failures: failures }, null, 1);
    document.body.appendChild(out);
    // In a harness frame (the phone width: headless Chromium's windows are at least 500 px wide),
    // hand the result to the harness page, which writes it into its own DOM.
    if (window.parent !== window) {
      window.parent.postMessage({ gwSelftest: true, status: status, width: w, scrollWidth: sw, text: out.textContent }, '*');
    }
  };
  gw.whenSelftest = function (checks) {
    if (!/^#selftest/.test(location.hash)) return;
    window.addEventListener('load', function () { setTimeout(function () { gw.selftest(checks); }, 30); });
  };
})();
"""#

    /// The font stack and the pieces of style both pages share.
    static let baseStyle = #"""
*,*::before,*::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;font-family:"Noto Sans CJK SC","Noto Sans SC","Source Han Sans SC","WenQuanYi Micro Hei","WenQuanYi Zen Hei","PingFang SC","Microsoft YaHei",sans-serif;line-height:1.75;color:#1d1d1f;background:#fbfbf8;font-size:16px}
a{color:#0b57a4}
a:focus-visible,button:focus-visible,[tabindex]:focus-visible,summary:focus-visible{outline:3px solid #111;outline-offset:2px}
.skip{position:absolute;left:-999px;top:0;background:#fff;padding:.5rem 1rem;z-index:10}
.skip:focus{left:0}
header.top{padding:.75rem 1.25rem;border-bottom:1px solid #ddd;background:#fff}
header.top h1{margin:0;font-size:1.35rem;line-height:1.4;overflow-wrap:anywhere}
header.top .meta{margin:.25rem 0 0;color:#555;font-size:.85rem;overflow-wrap:anywhere}
.tablewrap{overflow-x:auto;max-width:100%}
table{border-collapse:collapse;width:100%;font-size:.85rem;line-height:1.45}
th,td{border-bottom:1px solid #e3e3e3;padding:.25rem .4rem;text-align:left;vertical-align:top;overflow-wrap:break-word}
th{white-space:nowrap}
th{background:#f1f1ec;position:sticky;top:0}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.none{color:#666}
#gw-selftest{white-space:pre-wrap;overflow-wrap:anywhere;font-size:.75rem;margin:1rem}
"""#
}

enum ViewAssets {
    static let script = SharedAssets.selftestCore + #"""
(function () {
  'use strict';
  var gw = window.gw;
  gw.ready(function () {
    var body = document.body;
    document.querySelectorAll('#legend button[data-toggle]').forEach(function (b) {
      b.addEventListener('click', function () {
        var kind = b.getAttribute('data-toggle'), on = b.getAttribute('aria-pressed') !== 'true';
        b.setAttribute('aria-pressed', on ? 'true' : 'false');
        body.classList.toggle('off-' + kind, !on);
      });
    });
    var bar = document.getElementById('valuebar');
    function show(el) {
      var m = el && el.closest ? el.closest('mark[data-entity], mark[data-part-of]') : null;
      if (m && m.hasAttribute('data-part-of')) m = document.getElementById('e-' + m.getAttribute('data-part-of'));
      if (!m) return false;
      bar.textContent = m.textContent + ' → ' + m.getAttribute('data-tip');
      bar.classList.add('on');
      return true;
    }
    function hide() { bar.classList.remove('on'); }
    document.addEventListener('focusin', function (e) { if (!show(e.target)) hide(); });
    document.addEventListener('focusout', hide);
    document.addEventListener('mouseover', function (e) { if (!show(e.target) && !show(document.activeElement)) hide(); });
    document.addEventListener('keydown', function (e) { if (e.key === 'Escape') hide(); });

    var narrow = window.matchMedia('(max-width: 700px)').matches;
    var box = document.getElementById('outline-box');
    if (box && narrow) box.open = false;
    var entityBox = document.getElementById('entity-box');
    if (entityBox && narrow) entityBox.open = false;
    var nav = document.getElementById('outline');
    var links = Array.prototype.slice.call(document.querySelectorAll('#outline a[href^="#s-"]'));
    var targets = links.map(function (a) { return document.getElementById(decodeURIComponent(a.getAttribute('href').slice(1))); });
    var tops = [], current = null, pending = false;
    function measure() {
      tops = targets.map(function (t) { return t ? t.getBoundingClientRect().top + window.scrollY : Infinity; });
    }
    function update() {
      var y = window.scrollY + 90, lo = 0, hi = tops.length - 1, found = -1;
      while (lo <= hi) { var mid = (lo + hi) >> 1; if (tops[mid] <= y) { found = mid; lo = mid + 1; } else hi = mid - 1; }
      var link = found >= 0 ? links[found] : null;
      if (link === current) return;
      if (current) current.removeAttribute('aria-current');
      if (link) {
        link.setAttribute('aria-current', 'location');
        if (nav.scrollHeight > nav.clientHeight + 4) {
          var top = link.offsetTop;
          if (top < nav.scrollTop || top > nav.scrollTop + nav.clientHeight - 40) nav.scrollTop = top - nav.clientHeight / 3;
        }
      }
      current = link;
    }
    window.addEventListener('scroll', function () {
      if (pending) return;
      pending = true;
      requestAnimationFrame(function () { pending = false; update(); });
    }, { passive: true });
    window.addEventListener('resize', function () { measure(); update(); });
    window.addEventListener('load', function () { measure(); update(); });
    measure(); update();
    gw.currentSection = function () { return current ? current.getAttribute('href') : null; };
    gw.remeasure = function () { measure(); current = null; update(); };
  });

  gw.whenSelftest(function (check) {
    var data = JSON.parse(document.getElementById('gw-data').textContent);
    var primary = {}, parts = {};
    document.querySelectorAll('[data-entity]').forEach(function (el) {
      var id = el.getAttribute('data-entity'); (primary[id] = primary[id] || []).push(el);
    });
    document.querySelectorAll('[data-part-of]').forEach(function (el) {
      var id = el.getAttribute('data-part-of'); (parts[id] = parts[id] || []).push(el);
    });
    var bad = [];
    data.entities.forEach(function (e) {
      var els = primary[e.id] || [];
      if (els.length !== 1) { bad.push(e.id + ': ' + els.length + ' highlights'); return; }
      var el = els[0];
      if (el.getAttribute('data-kind') !== e.kind) bad.push(e.id + ': data-kind ' + el.getAttribute('data-kind') + ' for ' + e.kind);
      if (el.getAttribute('tabindex') !== '0') bad.push(e.id + ': tabindex ' + el.getAttribute('tabindex'));
      var text = el.textContent + (parts[e.id] || []).map(function (p) { return p.textContent; }).join('');
      if (text !== e.text) bad.push(e.id + ': highlighted ' + JSON.stringify(text) + ' for ' + JSON.stringify(e.text));
    });
    check('every entity has exactly one highlight with its data-kind, tabindex 0 and its text', bad.length === 0,
      bad.length + ' bad: ' + bad.slice(0, 5).join('; '));
    var all = document.querySelectorAll('[data-entity]').length;
    check('no highlight without an entity', all === data.entities.length, all + ' highlights for ' + data.entities.length + ' entities');
    var outline = document.querySelectorAll('#outline a[href^="#s-"]').length;
    check('the outline links every section', outline === data.sections.length, outline + ' links for ' + data.sections.length + ' sections');
    var missing = data.sections.filter(function (id) { return !document.getElementById('s-' + id); });
    check('every section has its anchor', missing.length === 0, missing.slice(0, 5).join(', '));
    var notes = document.querySelectorAll('#main .diag').length;
    check('every diagnostic is shown', notes === data.diagnostics, notes + ' notes for ' + data.diagnostics);
    var button = document.querySelector('#legend button[data-toggle]');
    if (button) {
      var kind = button.getAttribute('data-toggle');
      var mark = document.querySelector('mark[data-entity][data-kind="' + kind + '"]');
      var before = getComputedStyle(mark).backgroundColor;
      button.click();
      var off = getComputedStyle(mark).backgroundColor, pressed = button.getAttribute('aria-pressed');
      button.click();
      var back = getComputedStyle(mark).backgroundColor;
      check('the legend toggles a kind', before !== off && back === before && pressed === 'false', before + ' / ' + off + ' / ' + back);
    }
    var first = document.querySelector('mark[data-entity]');
    if (first) {
      first.focus();
      var bar = document.getElementById('valuebar');
      var shown = bar.classList.contains('on') && bar.textContent.indexOf(first.getAttribute('data-tip')) >= 0;
      check('keyboard focus shows the value', document.activeElement === first && shown, bar.textContent);
      first.blur();
      window.scrollTo(0, 0);
    }
    var headings = document.querySelectorAll('#text .h');
    if (headings.length && gw.remeasure) {
      var middle = headings[headings.length >> 1];
      middle.scrollIntoView();
      gw.remeasure();
      var expect = '#s-' + middle.getAttribute('data-section-id');
      // Only where the page is long enough to bring the heading to the top.
      if (middle.getBoundingClientRect().top <= 90) {
        check('scrolling highlights the current section', gw.currentSection() === expect, gw.currentSection() + ' for ' + expect);
      }
      window.scrollTo(0, 0);
    }
  });
})();
"""#

    static let style = SharedAssets.baseStyle + #"""
.layout{display:grid;grid-template-columns:16rem minmax(0,1fr) 25rem;align-items:start}
#outline{position:sticky;top:0;max-height:100vh;overflow:auto;border-right:1px solid #ddd;background:#f4f4ef;font-size:.85rem;line-height:1.45;padding:.5rem .5rem 2rem}
#outline summary{font-weight:600;cursor:pointer;padding:.25rem 0}
#outline ol{list-style:none;margin:0;padding-left:.8rem}
#outline>details>ol{padding-left:0}
#outline a{display:block;padding:.15rem .35rem;border-radius:3px;text-decoration:none;color:#223;overflow-wrap:anywhere}
#outline a:hover{background:#e6e6dd}
#outline a[aria-current]{background:#1d4f91;color:#fff}
#outline .mk{font-weight:600}
main{min-width:0;padding:0 15rem 4rem 1.5rem}
#legend{position:sticky;top:0;z-index:2;display:flex;flex-wrap:wrap;gap:.35rem;padding:.5rem 0;background:#fbfbf8;border-bottom:1px solid #e5e5e0;margin-bottom:.75rem}
#legend button{font:inherit;font-size:.8rem;line-height:1.3;border:1px solid #bbb;border-radius:1rem;padding:.2rem .6rem;background:#fff;cursor:pointer;color:#222}
#legend button .sw{display:inline-block;width:.8rem;height:.8rem;border-radius:2px;background:var(--bg);border-bottom:3px solid var(--fg);vertical-align:-1px;margin-right:.3rem}
#legend button[aria-pressed=false]{opacity:.5;text-decoration:line-through}
#legend .n{color:#555}
#doc-diags{border:1px solid #e0b4b4;background:#fff6f6;padding:.25rem .75rem;margin-bottom:1rem;font-size:.85rem}
#doc-diags h2{font-size:.95rem;margin:.25rem 0}
#doc-diags ul{margin:0;padding-left:1rem}
#doc-diags .diag{float:none;width:auto;margin:0;display:inline}
#text{font-size:1.05rem}
.blk{white-space:pre-wrap;overflow-wrap:anywhere;margin:0 0 .55rem}
.big .blk{content-visibility:auto;contain-intrinsic-size:auto 3.6em}
.big #outline li{content-visibility:auto;contain-intrinsic-size:auto 1.7em}
.blk.h{font-size:1.05rem;line-height:1.75;font-weight:700;margin:1.1rem 0 .45rem;scroll-margin-top:6.5rem}
.sec.lvl-1>.blk.h{font-size:1.15rem}
.blk.f.role-title{font-size:1.35rem;font-weight:700;text-align:center;margin:1rem 0}
.blk.f{color:#2d3a4a}
.blk.b{color:#8a8a8a;background:repeating-linear-gradient(135deg,#f3f3f0 0 6px,#fbfbf8 6px 12px);font-size:.9rem;border-left:3px solid #d5d5cf;padding-left:.5rem}
.blk.b::before{content:"boilerplate · " attr(data-boilerplate);display:block;font-size:.7rem;color:#999;white-space:normal}
.diag{float:right;clear:right;width:13.5rem;margin:0 -15rem .4rem .75rem;font-size:.78rem;line-height:1.4;font-weight:400;white-space:normal;background:#fff1f1;border-left:3px solid #c62828;padding:.2rem .45rem;color:#5a1d1d;text-align:left}
.diag.sev-info{background:#f1f6ff;border-left-color:#1d4f91;color:#1d2f4f}
.diag b{display:block;font-size:.72rem}
mark.e{background:var(--bg);color:inherit;border-bottom:2px solid var(--fg);border-radius:2px;padding:0 1px;scroll-margin-top:6.5rem}
mark.e mark.e{border-bottom-style:double;border-bottom-width:3px}
mark.e[data-entity]:focus{outline:3px solid #111;outline-offset:1px}
.k-date{--bg:#d4e9ff;--fg:#1c6fb8}
.k-dateRange{--bg:#e2dbff;--fg:#5a3fc0}
.k-money{--bg:#ffe6a8;--fg:#a87200}
.k-personCount{--bg:#cdf3d4;--fg:#1f8a3a}
.k-title{--bg:#ffdbe5;--fg:#b8325a}
.k-documentNumber{--bg:#e4e4e4;--fg:#555}
.k-percentage{--bg:#ffdcc7;--fg:#c0561b}
.k-phone{--bg:#d2f2f2;--fg:#167a7a}
.k-email{--bg:#efe2cc;--fg:#7a5a1f}
.off-date mark.k-date,.off-dateRange mark.k-dateRange,.off-money mark.k-money,.off-personCount mark.k-personCount,.off-title mark.k-title,.off-documentNumber mark.k-documentNumber,.off-percentage mark.k-percentage,.off-phone mark.k-phone,.off-email mark.k-email{background:transparent;border-bottom-color:transparent}
#panel{position:sticky;top:0;max-height:100vh;overflow:auto;border-left:1px solid #ddd;background:#fff;padding:.5rem .6rem 2rem}
#panel summary{font-weight:600;cursor:pointer;padding:.25rem 0}
#panel tr>td:first-child{border-left:4px solid var(--fg)}
#panel table{table-layout:fixed}
#panel th:nth-child(1){width:2.6rem}
#panel th:nth-child(2){width:5.2rem}
#panel th:nth-child(5),#panel td:nth-child(5){display:none}
#panel ul{padding-left:1rem;font-size:.85rem}
#valuebar{position:fixed;left:0;right:0;bottom:0;z-index:5;background:#1d1d1f;color:#fff;padding:.5rem 1rem;font-size:.95rem;line-height:1.45;overflow-wrap:anywhere;display:none}
#valuebar.on{display:block}
@media (max-width:1200px){
  .layout{grid-template-columns:15rem minmax(0,1fr)}
  main{padding-right:1.25rem}
  #panel{grid-column:1/-1;position:static;max-height:none;border-left:0;border-top:1px solid #ddd}
  #panel th:nth-child(5),#panel td:nth-child(5){display:table-cell}
  .diag{float:none;display:block;width:auto;margin:.2rem 0 .35rem}
}
@media (max-width:700px){
  .layout{display:block}
  #outline{position:static;max-height:none;border-right:0;border-bottom:1px solid #ddd}
  main{padding:0 .75rem 4rem}
  #legend{position:static}
  header.top{padding:.6rem .75rem}
  #text{font-size:1rem}
  #panel th:nth-child(5),#panel td:nth-child(5){display:none}
}
"""#
}
