// The report page's few behaviours, in plain JavaScript: the page must work from file:// with no
// network, so no library is fetched, and none is worth vendoring for this.
(function () {
  // Figures: the world's geometry is embedded once and shared by every map and slider step.
  var geo = JSON.parse(document.getElementById('sd-geojson').textContent);
  document.querySelectorAll('script.sd-figure').forEach(function (node) {
    var spec = JSON.parse(node.textContent);
    spec.data.forEach(function (trace) { if (trace.geojson === '__geojson__') { trace.geojson = geo; } });
    Plotly.newPlot(node.dataset.target, spec.data, spec.layout, spec.config);
  });
  // Tables: search that ignores case and accents ("egypte" finds Égypte), and sorting by column in the
  // page's language.
  var lang = document.documentElement.lang;
  function plain(s) { return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase(); }
  document.querySelectorAll('table.data').forEach(function (table) {
    var input = document.getElementById(table.dataset.search);
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    rows.forEach(function (r) { r.dataset.text = plain(r.textContent); });
    input.addEventListener('input', function () {
      var q = plain(input.value.trim());
      rows.forEach(function (r) { r.hidden = q && r.dataset.text.indexOf(q) < 0; });
    });
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, i) {
      var button = th.querySelector('button');
      if (!button) { return; }
      button.addEventListener('click', function () {
        var asc = th.getAttribute('aria-sort') !== 'ascending';
        Array.prototype.forEach.call(table.tHead.rows[0].cells, function (c) { c.removeAttribute('aria-sort'); });
        th.setAttribute('aria-sort', asc ? 'ascending' : 'descending');
        rows.sort(function (a, b) {
          var x = a.cells[i].dataset.key || a.cells[i].textContent, y = b.cells[i].dataset.key || b.cells[i].textContent;
          var nx = parseFloat(x), ny = parseFloat(y);
          var c = (!isNaN(nx) && !isNaN(ny)) ? nx - ny : x.localeCompare(y, lang, {sensitivity: 'base'});
          return asc ? c : -c;
        });
        rows.forEach(function (r) { table.tBodies[0].appendChild(r); });
      });
    });
  });
})();
