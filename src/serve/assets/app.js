/*
 * The review page (split-advisor serve). Plain JavaScript, no imports, no build
 * step, no requests but to this server. Everything from the diff is put in the
 * page through textContent and attributes only, never as markup, so file names
 * and lines holding <script>, entities or javascript: URLs stay text.
 */
'use strict';

(function reviewPage() {
  /** Lines drawn at once over the whole page; the rest of a file waits behind its button. */
  var LINE_BUDGET = 5000;
  /** Lines drawn at once for one file, so one huge file does not take the whole budget. */
  var FILE_LINES = 2000;
  var DOWNLOADS = [
    { key: 'json', id: 'download-json', name: 'split-advisor-report.json', type: 'application/json', label: 'JSON report' },
    { key: 'markdown', id: 'download-markdown', name: 'split-advisor-review.md', type: 'text/markdown', label: 'Markdown' },
    { key: 'mbox', id: 'download-mbox', name: 'split-series.mbox', type: 'application/mbox', label: 'Series (mbox for git am)' },
    { key: 'script', id: 'download-script', name: 'split-series.sh', type: 'text/x-shellscript', label: 'Series (sh script)' },
    { key: 'todo', id: 'download-todo', name: 'git-rebase-todo', type: 'text/plain', label: 'Rebase todo' },
  ];

  var byId = function (id) {
    return document.getElementById(id);
  };
  var elements = {};
  /** The analysis shown: the server's answer plus indexes built from it. */
  var state = {
    pendingFile: null,
    requestNumber: 0,
    response: null,
    changes: new Map(),
    categories: new Map(),
    commitOfChange: new Map(),
    selectedCommit: null,
    blobUrls: [],
  };

  function make(tag, attributes, text) {
    var element = document.createElement(tag);
    if (attributes) {
      Object.keys(attributes).forEach(function (name) {
        var value = attributes[name];
        if (value === null || value === undefined || value === false) return;
        if (name === 'className') element.className = value;
        else element.setAttribute(name, value === true ? '' : String(value));
      });
    }
    if (text !== undefined && text !== null) element.textContent = String(text);
    return element;
  }

  function clear(element) {
    while (element.firstChild) element.removeChild(element.firstChild);
  }

  /** read, skim or generated: the server's table (render/review-kinds.ts), so the page and the markdown agree. */
  function categoryOf(kind) {
    return state.categories.get(kind) || 'read';
  }

  function kindLabel(change) {
    return change.detail ? change.kind + '/' + change.detail : change.kind;
  }

  function plural(count, word) {
    return count + ' ' + word + (count === 1 ? '' : 's');
  }

  function showError(message) {
    elements.error.textContent = message || '';
  }

  function setStatus(message) {
    elements.status.textContent = message || '';
  }

  // ---- input -------------------------------------------------------------

  function bytesToBase64(buffer) {
    var bytes = new Uint8Array(buffer);
    var parts = [];
    // String.fromCharCode takes arguments: chunks keep the call stack small on big files.
    for (var offset = 0; offset < bytes.length; offset += 0x8000) {
      parts.push(String.fromCharCode.apply(null, bytes.subarray(offset, offset + 0x8000)));
    }
    return btoa(parts.join(''));
  }

  function takeFile(file) {
    if (!file) return;
    var reader = new FileReader();
    reader.onload = function () {
      state.pendingFile = { name: file.name, base64: bytesToBase64(reader.result) };
      elements.fileName.textContent = file.name + ' (' + plural(file.size, 'byte') + ') will be analysed';
      analyseNow();
    };
    reader.onerror = function () {
      showError('The file ' + file.name + ' could not be read.');
    };
    reader.readAsArrayBuffer(file);
  }

  function requestBody() {
    var body;
    var text = elements.diffInput.value;
    if (state.pendingFile) body = { diffBase64: state.pendingFile.base64 };
    else if (text.trim() !== '') body = { diff: text };
    else if (elements.revision.value.trim() !== '') {
      var repository = elements.repository.value.trim();
      if (repository === '') return { error: 'Give the repository as an absolute path.' };
      body = { repository: repository, revision: elements.revision.value.trim() };
    } else {
      return { error: 'Paste a diff, drop or choose a patch file, or give a repository and a revision.' };
    }
    if (elements.granularity.value !== 'normal') body.granularity = elements.granularity.value;
    return { body: body };
  }

  function analyseNow() {
    var request = requestBody();
    if (request.error) {
      showError(request.error);
      return;
    }
    showError('');
    var number = ++state.requestNumber;
    elements.analyse.disabled = true;
    setStatus('Analysing…');
    fetch('/api/analyse', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(request.body),
    })
      .then(function (response) {
        return response.text().then(function (text) {
          var value = null;
          try {
            value = JSON.parse(text);
          } catch (ignored) {
            value = null;
          }
          if (!response.ok || value === null) {
            throw new Error(value && value.error ? value.error : 'The server answered ' + response.status + ' without an explanation.');
          }
          return value;
        });
      })
      .then(function (value) {
        if (number !== state.requestNumber) return;
        setStatus('');
        render(value);
      })
      .catch(function (error) {
        if (number !== state.requestNumber) return;
        setStatus('');
        var message = error && error.message ? error.message : String(error);
        if (error instanceof TypeError) message = 'The server did not answer (is split-advisor serve still running?).';
        // The server's sentence as it is: the same words the CLI prints for the same input.
        showError(message);
      })
      .then(function () {
        if (number === state.requestNumber) elements.analyse.disabled = false;
      });
  }

  // ---- rendering ---------------------------------------------------------

  function render(response) {
    state.response = response;
    state.changes = new Map();
    state.categories = new Map();
    state.commitOfChange = new Map();
    state.selectedCommit = null;
    response.report.changes.forEach(function (change) {
      state.changes.set(change.id, change);
    });
    response.summary.byKind.forEach(function (entry) {
      state.categories.set(entry.kind, entry.category);
    });
    response.report.series.forEach(function (commit) {
      commit.changes.forEach(function (id) {
        state.commitOfChange.set(id, commit.index);
      });
    });
    elements.results.hidden = false;
    elements.changeDetail.hidden = true;
    clear(elements.changeDetail);
    renderSource(response.report);
    renderSummary(response);
    renderLegend(response.report);
    renderNotes(response.report.notes);
    renderDownloads(response.downloads || {});
    renderSeries(response.report.series);
    renderFiles(response.files);
  }

  function renderSource(report) {
    var source = report.source;
    var text;
    if (source.kind === 'patch') text = 'A pasted diff';
    else if (source.kind === 'commit') text = 'Commit ' + (source.rev || '').slice(0, 12);
    else if (source.kind === 'range') text = 'Range ' + (source.rev || '');
    else text = source.kind;
    if (source.subject) text += ': ' + source.subject;
    text += ' — ' + plural(report.changes.length, 'change') + ', ' + plural(report.series.length, 'suggested commit');
    elements.source.textContent = text;
  }

  function renderSummary(response) {
    var summary = response.summary;
    clear(elements.summary);
    var labels = { read: 'to read', skim: 'safe to skim', generated: 'generated' };
    var bar = make('div', { className: 'summary-bar', 'aria-hidden': 'true' });
    var figures = make('p', { className: 'summary-figures' });
    ['read', 'skim', 'generated'].forEach(function (category, position) {
      var count = summary.lines[category] || 0;
      var share = summary.totalLines > 0 ? (100 * count) / summary.totalLines : 0;
      var segment = make('span', { className: 'segment', 'data-segment': category });
      segment.style.flexGrow = String(share);
      bar.appendChild(segment);
      if (position > 0) figures.appendChild(document.createTextNode(', '));
      var figure = make('span', { className: 'figure', 'data-category': category, 'data-lines': count });
      figure.appendChild(make('strong', null, count));
      figure.appendChild(document.createTextNode(' ' + (count === 1 ? 'line' : 'lines') + ' ' + labels[category]));
      figures.appendChild(figure);
    });
    figures.appendChild(document.createTextNode(' (of ' + plural(summary.totalLines, 'changed line') + ')'));
    elements.summary.appendChild(bar);
    elements.summary.appendChild(figures);
  }

  function renderLegend(report) {
    clear(elements.legend);
    var counts = new Map();
    report.changes.forEach(function (change) {
      counts.set(change.kind, (counts.get(change.kind) || 0) + 1);
    });
    var kinds = Array.from(counts.keys()).sort(function (a, b) {
      var order = { read: 0, generated: 1, skim: 2 };
      return order[categoryOf(a)] - order[categoryOf(b)] || a.localeCompare(b);
    });
    kinds.forEach(function (kind) {
      var entry = make('li', { 'data-kind': kind, 'data-category': categoryOf(kind) });
      entry.appendChild(make('span', { className: 'swatch', 'aria-hidden': 'true' }));
      entry.appendChild(make('span', { className: 'kind-name' }, kind));
      entry.appendChild(make('span', { className: 'kind-count' }, ' ' + plural(counts.get(kind), 'change') + ', ' + (categoryOf(kind) === 'skim' ? 'skim' : categoryOf(kind) === 'generated' ? 'generated' : 'read')));
      elements.legend.appendChild(entry);
    });
  }

  function renderNotes(notes) {
    clear(elements.notes);
    (notes || []).forEach(function (note) {
      elements.notes.appendChild(make('li', null, note));
    });
  }

  function renderDownloads(downloads) {
    state.blobUrls.forEach(function (url) {
      URL.revokeObjectURL(url);
    });
    state.blobUrls = [];
    clear(elements.downloads);
    elements.downloads.appendChild(make('span', { className: 'downloads-label' }, 'Download:'));
    DOWNLOADS.forEach(function (download) {
      var text = download.key === 'markdown' ? state.response.markdown : downloads[download.key];
      if (typeof text !== 'string') return;
      var url = URL.createObjectURL(new Blob([text], { type: download.type }));
      state.blobUrls.push(url);
      elements.downloads.appendChild(make('a', { id: download.id, href: url, download: download.name, className: 'download' }, download.label));
    });
    if (state.response.downloadsNote) elements.downloads.appendChild(make('span', { className: 'downloads-note' }, state.response.downloadsNote));
  }

  // ---- the series ----------------------------------------------------------

  function renderSeries(series) {
    clear(elements.series);
    elements.commitDetail.hidden = true;
    series.forEach(function (commit) {
      var item = make('li', { className: 'series-commit', 'data-index': commit.index, 'data-kind': commit.kind });
      var button = make('button', { type: 'button', className: 'series-button' });
      button.appendChild(make('span', { className: 'series-title' }, commit.title));
      button.appendChild(make('span', { className: 'kind-badge', 'data-kind': commit.kind }, commit.kind));
      var after = commit.dependsOn && commit.dependsOn.length > 0 ? ' · after ' + commit.dependsOn.join(', ') : '';
      button.appendChild(make('span', { className: 'series-meta' }, plural(commit.changes.length, 'change') + after));
      button.addEventListener('click', function () {
        selectCommit(state.selectedCommit === commit.index ? null : commit.index);
      });
      item.appendChild(button);
      elements.series.appendChild(item);
    });
  }

  function selectCommit(index) {
    state.selectedCommit = index;
    var commit = null;
    state.response.report.series.forEach(function (candidate) {
      if (candidate.index === index) commit = candidate;
    });
    Array.prototype.forEach.call(elements.series.children, function (item) {
      var selected = commit !== null && Number(item.getAttribute('data-index')) === index;
      if (selected) {
        item.setAttribute('aria-current', 'true');
        item.setAttribute('aria-selected', 'true');
        item.firstChild.setAttribute('aria-current', 'true');
      } else {
        item.removeAttribute('aria-current');
        item.removeAttribute('aria-selected');
        item.firstChild.removeAttribute('aria-current');
      }
    });
    var chosen = new Set(commit ? commit.changes : []);
    elements.files.querySelectorAll('[data-change]').forEach(function (element) {
      element.classList.toggle('selected', chosen.has(element.getAttribute('data-change')));
    });
    if (commit === null) {
      elements.commitDetail.hidden = true;
      return;
    }
    elements.commitMessage.textContent = commit.message;
    elements.commitDetail.hidden = false;
    var first = elements.files.querySelector('.change-run.selected, .file-change.selected');
    if (first) first.scrollIntoView({ block: 'nearest' });
  }

  // ---- the diff ------------------------------------------------------------

  /** Marks an element of change `id` as the page's state says: kind, hidden, selected. */
  function decorate(element, id) {
    var change = state.changes.get(id);
    if (!change) return;
    element.setAttribute('data-change', id);
    element.setAttribute('data-kind', change.kind);
    element.setAttribute('data-category', categoryOf(change.kind));
    if (elements.hideNoop.checked && categoryOf(change.kind) === 'skim') element.hidden = true;
    if (state.selectedCommit !== null && state.commitOfChange.get(id) === state.selectedCommit) element.classList.add('selected');
  }

  function describe(change) {
    var where = change.new && change.new.lines > 0 ? change.new : change.old;
    var location = where && where.lines > 0 ? change.file + ':' + where.start + (where.lines > 1 ? '-' + (where.start + where.lines - 1) : '') : change.file;
    return change.id + ' ' + kindLabel(change) + ' (' + location + '): ' + change.reason;
  }

  function linkTo(target, label) {
    var link = make('a', { className: 'link', href: '#change-' + target, 'data-target': target }, label);
    link.addEventListener('click', function (event) {
      event.preventDefault();
      focusChange(target);
    });
    return link;
  }

  function linksRow(id) {
    var targets = (state.response.links && state.response.links[id]) || [];
    if (targets.length === 0) return null;
    var change = state.changes.get(id);
    var row = make('div', { className: 'change-links' });
    row.appendChild(document.createTextNode(change.kind === 'move' ? 'moved, other half: ' : 'lands with: '));
    targets.forEach(function (target, position) {
      if (position > 0) row.appendChild(document.createTextNode(', '));
      var other = state.changes.get(target);
      row.appendChild(linkTo(target, other ? other.file + ' (' + target + ')' : target));
    });
    return row;
  }

  function showChangeDetail(id) {
    var change = state.changes.get(id);
    if (!change) return;
    var panel = elements.changeDetail;
    clear(panel);
    var heading = make('p', { className: 'detail-heading' });
    heading.appendChild(make('span', { className: 'kind-badge', 'data-kind': change.kind }, kindLabel(change)));
    heading.appendChild(document.createTextNode(' ' + change.id + ' · ' + categoryOf(change.kind) + ' · confidence ' + change.confidence));
    panel.appendChild(heading);
    panel.appendChild(make('p', { className: 'detail-reason' }, change.reason));
    var commit = state.commitOfChange.get(id);
    if (commit !== undefined) panel.appendChild(make('p', { className: 'detail-commit' }, 'In suggested commit ' + commit + '.'));
    var links = linksRow(id);
    if (links) panel.appendChild(links);
    panel.setAttribute('data-change', id);
    panel.hidden = false;
  }

  function makeRun(id) {
    var run = make('div', { className: 'change-run', tabindex: '0' });
    run.setAttribute('data-change', id);
    var change = state.changes.get(id);
    if (change) {
      run.title = describe(change);
      decorate(run, id);
      run.setAttribute('aria-label', describe(change));
    }
    return run;
  }

  function makeLine(line) {
    var type = line.type === '-' ? 'removed' : line.type === '+' ? 'added' : 'context';
    var element = make('div', { className: 'line', 'data-type': type });
    element.appendChild(make('span', { className: 'number old-number', 'aria-hidden': 'true' }, line.oldLine === null ? '' : line.oldLine));
    element.appendChild(make('span', { className: 'number new-number', 'aria-hidden': 'true' }, line.newLine === null ? '' : line.newLine));
    element.appendChild(make('span', { className: 'marker', 'aria-hidden': 'true' }, line.type));
    element.appendChild(make('span', { className: 'text' }, line.text));
    if (line.change) decorate(element, line.change);
    return element;
  }

  /** Draws `count` lines of a file from the cursor on (over all its hunks); returns how many it drew. */
  function drawLines(file, container, cursor, count) {
    var drawn = 0;
    while (drawn < count && cursor.hunk < file.hunks.length) {
      var hunk = file.hunks[cursor.hunk];
      if (cursor.line === 0) {
        container.appendChild(make('div', { className: 'hunk-header' }, hunk.header));
        cursor.run = null;
      }
      while (drawn < count && cursor.line < hunk.lines.length) {
        var line = hunk.lines[cursor.line];
        var element = makeLine(line);
        if (line.change) {
          if (!cursor.run || cursor.run.getAttribute('data-change') !== line.change) {
            cursor.run = makeRun(line.change);
            if (!cursor.seen.has(line.change)) {
              cursor.seen.add(line.change);
              cursor.run.id = 'change-' + line.change;
              var links = linksRow(line.change);
              if (links) cursor.run.appendChild(links);
            }
            container.appendChild(cursor.run);
          }
          cursor.run.appendChild(element);
        } else {
          cursor.run = null;
          container.appendChild(element);
        }
        cursor.line++;
        drawn++;
      }
      if (cursor.line >= hunk.lines.length) {
        cursor.hunk++;
        cursor.line = 0;
      }
    }
    return drawn;
  }

  /** Draws into a detached fragment, so the page lays out once per chunk, not once per line. */
  function drawInto(body, file, cursor, count) {
    var fragment = document.createDocumentFragment();
    // A change run already in the page (cursor.run) keeps growing there.
    var drawn = drawLines(file, fragment, cursor, count);
    body.appendChild(fragment);
    return drawn;
  }

  function fileLineCount(file) {
    return file.hunks.reduce(function (total, hunk) {
      return total + hunk.lines.length;
    }, 0);
  }

  function renderFiles(files) {
    clear(elements.files);
    var budget = LINE_BUDGET;
    files.forEach(function (file) {
      var section = make('section', { className: 'file', 'data-path': file.path, 'data-status': file.status });
      var header = make('h3', { className: 'file-header' });
      header.appendChild(make('span', { className: 'status-badge' }, file.status));
      var name = file.oldPath !== null && file.oldPath !== file.path && (file.status === 'renamed' || file.status === 'copied') ? file.oldPath + ' → ' + file.path : file.path;
      header.appendChild(make('span', { className: 'file-path' }, name));
      section.appendChild(header);
      if (file.change) {
        var change = state.changes.get(file.change);
        var whole = make('div', { className: 'file-change', tabindex: '0', id: 'change-' + file.change });
        decorate(whole, file.change);
        if (change) {
          whole.title = describe(change);
          whole.setAttribute('aria-label', describe(change));
          whole.appendChild(make('span', { className: 'kind-badge', 'data-kind': change.kind }, kindLabel(change)));
          whole.appendChild(document.createTextNode(' ' + change.reason));
        }
        var links = linksRow(file.change);
        if (links) whole.appendChild(links);
        section.appendChild(whole);
      }
      var body = make('div', { className: 'file-body' });
      section.appendChild(body);
      var total = fileLineCount(file);
      var cursor = { hunk: 0, line: 0, run: null, seen: new Set(), drawn: 0 };
      cursor.drawn = drawInto(body, file, cursor, Math.min(FILE_LINES, Math.max(budget, 0)));
      budget -= cursor.drawn;
      if (cursor.hunk < file.hunks.length) {
        var more = make('button', { type: 'button', className: 'show-more' });
        var label = function () {
          var remaining = total - cursor.drawn;
          more.textContent = remaining > FILE_LINES ? 'Show ' + FILE_LINES + ' more lines of this file (' + remaining + ' not shown)' : 'Show the other ' + plural(remaining, 'line') + ' of this file';
        };
        label();
        more.addEventListener('click', function () {
          // One chunk per click: drawing tens of thousands of lines at once would freeze the tab.
          cursor.drawn += drawInto(body, file, cursor, FILE_LINES);
          if (cursor.hunk >= file.hunks.length) {
            var next = more.previousElementSibling;
            more.remove();
            if (next) next.focus();
          } else {
            label();
          }
        });
        section.appendChild(more);
      }
      elements.files.appendChild(section);
    });
  }

  // ---- navigation ------------------------------------------------------------

  /** The focusable element that starts each visible change, in page order. */
  function changeStarts() {
    var seen = new Set();
    var starts = [];
    elements.files.querySelectorAll('.change-run, .file-change').forEach(function (element) {
      var id = element.getAttribute('data-change');
      if (element.hidden || seen.has(id)) return;
      seen.add(id);
      starts.push(element);
    });
    return starts;
  }

  function focusChange(id) {
    var target = elements.files.querySelector('.change-run[data-change="' + CSS.escape(id) + '"]:not([hidden]), .file-change[data-change="' + CSS.escape(id) + '"]:not([hidden])');
    if (!target) {
      // Hidden (a skimmed kind) or not drawn yet: show what we can say about it.
      showChangeDetail(id);
      return;
    }
    target.focus();
    target.scrollIntoView({ block: 'nearest' });
  }

  function step(direction) {
    var starts = changeStarts();
    if (starts.length === 0) return;
    var active = document.activeElement;
    var activeId = active && active.getAttribute ? active.getAttribute('data-change') : null;
    var position = -1;
    starts.forEach(function (element, index) {
      if (element.getAttribute('data-change') === activeId) position = index;
    });
    var next = position === -1 ? (direction > 0 ? 0 : starts.length - 1) : (position + direction + starts.length) % starts.length;
    starts[next].focus();
    starts[next].scrollIntoView({ block: 'nearest' });
  }

  function applyHideNoop() {
    var hide = elements.hideNoop.checked;
    elements.files.querySelectorAll('[data-change]').forEach(function (element) {
      element.hidden = hide && element.getAttribute('data-category') === 'skim';
    });
  }

  function isTyping(target) {
    if (!target || !target.tagName) return false;
    var tag = target.tagName.toLowerCase();
    return tag === 'textarea' || tag === 'select' || (tag === 'input' && target.type !== 'checkbox' && target.type !== 'button') || target.isContentEditable;
  }

  function onKey(event) {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && isTyping(event.target)) {
      event.preventDefault();
      analyseNow();
      return;
    }
    if (event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target) || !state.response) return;
    if (event.key === 'n') step(1);
    else if (event.key === 'p') step(-1);
    else if (event.key === 'h') {
      elements.hideNoop.checked = !elements.hideNoop.checked;
      applyHideNoop();
    } else return;
    event.preventDefault();
  }

  function start() {
    elements = {
      diffInput: byId('diff-input'),
      fileInput: byId('file-input'),
      fileName: byId('file-name'),
      repository: byId('repository'),
      revision: byId('revision'),
      granularity: byId('granularity'),
      analyse: byId('analyse'),
      status: byId('status'),
      error: byId('error'),
      results: byId('results'),
      source: byId('source'),
      summary: byId('summary'),
      legend: byId('legend'),
      notes: byId('notes'),
      downloads: byId('downloads'),
      hideNoop: byId('hide-noop'),
      series: byId('series'),
      commitDetail: byId('commit-detail'),
      commitMessage: document.querySelector('#commit-detail pre.commit-message'),
      files: byId('files'),
      changeDetail: byId('change-detail'),
    };
    var meta = document.querySelector('meta[name="split-advisor-repository"]');
    if (meta && meta.getAttribute('content')) elements.repository.value = meta.getAttribute('content');

    elements.analyse.addEventListener('click', analyseNow);
    elements.diffInput.addEventListener('input', function () {
      // Typing replaces a dropped file: what is in the box is what gets analysed.
      state.pendingFile = null;
      elements.fileName.textContent = '';
    });
    elements.diffInput.addEventListener('dragover', function (event) {
      event.preventDefault();
      elements.diffInput.classList.add('dropping');
    });
    elements.diffInput.addEventListener('dragleave', function () {
      elements.diffInput.classList.remove('dropping');
    });
    elements.diffInput.addEventListener('drop', function (event) {
      elements.diffInput.classList.remove('dropping');
      var files = event.dataTransfer && event.dataTransfer.files;
      if (!files || files.length === 0) return;
      event.preventDefault();
      elements.diffInput.value = '';
      takeFile(files[0]);
    });
    elements.fileInput.addEventListener('change', function () {
      if (elements.fileInput.files && elements.fileInput.files.length > 0) {
        elements.diffInput.value = '';
        takeFile(elements.fileInput.files[0]);
      }
    });
    [elements.repository, elements.revision].forEach(function (input) {
      input.addEventListener('keydown', function (event) {
        if (event.key === 'Enter' && !event.ctrlKey && !event.metaKey) {
          event.preventDefault();
          analyseNow();
        }
      });
    });
    elements.hideNoop.addEventListener('change', applyHideNoop);
    byId('clear-selection').addEventListener('click', function () {
      selectCommit(null);
    });
    elements.files.addEventListener('focusin', function (event) {
      var target = event.target;
      if (target && target.getAttribute && target.getAttribute('data-change') && (target.classList.contains('change-run') || target.classList.contains('file-change'))) {
        showChangeDetail(target.getAttribute('data-change'));
      }
    });
    document.addEventListener('keydown', onKey);
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
