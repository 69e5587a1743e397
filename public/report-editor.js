// Progressive enhancement of the annual-report entry form: the findings update while the clerk
// types, through POST /api/v1/reports/check (the same validator, the stored previous year, the
// narrative). Without JavaScript the form works the same; findings then update on save.
(function () {
  'use strict';
  var form = document.getElementById('report-entry');
  var list = document.getElementById('findings');
  if (!form || !list || !window.fetch || !window.AbortController) return;
  var meta = JSON.parse(form.getAttribute('data-meta'));
  var previousEl = document.getElementById('report-previous');
  var previous = previousEl ? JSON.parse(previousEl.textContent || 'null') : null;
  var csrf = form.querySelector('input[name="_csrf"]').value;
  var summary = document.getElementById('findings-summary');
  var section = list.closest('.findings');
  var LABELS = { error: '错误', warning: '警告' };
  var timer = null;
  var inflight = null;

  function fieldId(name) {
    return 'f-' + name.replace(/[^A-Za-z0-9]+/g, '-').replace(/-$/, '');
  }

  /** The form as canonical JSON: blank cells are unreadable (null), an all-blank table is absent. */
  function collect() {
    var tables = { table2: {}, table3: {}, table4: {} };
    var filled = { table2: false, table3: false, table4: false };
    form.querySelectorAll('input[data-kind]').forEach(function (input) {
      var name = input.name;
      var table = name.slice(0, 6);
      var rest = name.slice(7);
      var raw = input.value.trim();
      var value = raw === '' ? null : input.getAttribute('data-kind') === 'number' ? Number(raw) : raw;
      if (typeof value === 'number' && !isFinite(value)) value = null;
      if (value !== null) filled[table] = true;
      if (table === 'table2') {
        var dot = rest.lastIndexOf('.');
        var row = rest.slice(0, dot);
        (tables.table2[row] = tables.table2[row] || {})[rest.slice(dot + 1)] = value;
      } else {
        var m = /^(.*)\[(\d+)\]$/.exec(rest);
        (tables[table][m[1]] = tables[table][m[1]] || [])[Number(m[2])] = value;
      }
    });
    var narrative = {};
    form.querySelectorAll('textarea[name^="narrative."]').forEach(function (t) {
      if (t.value.trim()) narrative[t.name.slice('narrative.'.length)] = t.value;
    });
    var agency = form.elements.agency ? form.elements.agency.value.trim() : '';
    return {
      report: {
        schema: meta.schema,
        format: meta.format,
        agency: agency || null,
        year: meta.year,
        table2: filled.table2 ? tables.table2 : null,
        table3: filled.table3 ? tables.table3 : null,
        table4: filled.table4 ? tables.table4 : null,
      },
      previous: previous,
      narrative: narrative,
    };
  }

  function show(findings) {
    form.querySelectorAll('td.finding-error, td.finding-warning').forEach(function (td) {
      td.classList.remove('finding-error', 'finding-warning');
    });
    form.querySelectorAll('input[aria-invalid]').forEach(function (input) {
      input.removeAttribute('aria-invalid');
      input.removeAttribute('aria-describedby');
    });
    list.textContent = '';
    var errors = 0;
    findings.forEach(function (f, i) {
      if (f.severity === 'error') errors++;
      var li = document.createElement('li');
      li.id = 'finding-' + i;
      li.className = 'finding-' + f.severity;
      var sev = document.createElement('span');
      sev.className = 'severity';
      sev.textContent = LABELS[f.severity] || f.severity;
      li.appendChild(sev);
      li.appendChild(document.createTextNode(' '));
      var target = null;
      f.cells.forEach(function (cell) {
        var input = document.getElementById(fieldId(cell));
        if (!input) return;
        target = target || input;
        var td = input.closest('td');
        if (f.severity === 'error') {
          td.classList.remove('finding-warning');
          td.classList.add('finding-error');
        } else if (!td.classList.contains('finding-error')) td.classList.add('finding-warning');
        input.setAttribute('aria-invalid', 'true');
        var ids = (input.getAttribute('aria-describedby') || '').split(' ').filter(Boolean);
        ids.push(li.id);
        input.setAttribute('aria-describedby', ids.join(' '));
      });
      var text = target ? document.createElement('a') : document.createElement('span');
      if (target) text.href = '#' + target.id;
      text.textContent = f.message;
      li.appendChild(text);
      li.appendChild(document.createTextNode(' '));
      var code = document.createElement('code');
      code.className = 'small';
      code.textContent = f.rule;
      li.appendChild(code);
      list.appendChild(li);
    });
    summary.textContent = findings.length ? '错误 ' + errors + ' 条，警告 ' + (findings.length - errors) + ' 条（未保存）' : '未发现问题（未保存）';
  }

  function check() {
    if (inflight) inflight.abort();
    inflight = new AbortController();
    section.classList.add('checking');
    fetch(form.getAttribute('data-check-url'), {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', 'x-csrf-token': csrf },
      body: JSON.stringify(collect()),
      credentials: 'same-origin',
      signal: inflight.signal,
    })
      .then(function (res) {
        return res.json().then(function (body) {
          if (!res.ok) throw new Error((body.error && body.error.message) || '检查失败');
          show(body.findings);
        });
      })
      .catch(function (err) {
        if (err.name === 'AbortError') return;
        summary.textContent = '无法检查：' + err.message;
      })
      .finally(function () {
        section.classList.remove('checking');
      });
  }

  // After a failed save the form shows what was typed: check that, not the stored version.
  if (form.hasAttribute('data-unsaved')) check();

  form.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(check, 400);
  });
  // Live checking is on from here (what a test waits for before typing).
  form.setAttribute('data-live', 'on');
})();
