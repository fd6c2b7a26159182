// Drives the filters of a factlint HTML report the way a reader would, and leaves what
// it saw on <body> for the test to read from the DOM Chromium dumps:
// data-probe="ok" or "fail", and data-probe-log, one "step count" per check.
(function () {
  var log = [];
  var ok = true;
  function visible() {
    return Array.prototype.filter.call(document.querySelectorAll('.finding'), function (f) {
      return !f.hidden && f.offsetParent !== null;
    }).length;
  }
  function step(name, expected) {
    var shown = visible();
    log.push(name + ' ' + shown);
    if (shown !== expected || document.body.dataset.shown !== String(shown)) { ok = false; }
  }
  function set(selector, apply) {
    var element = document.querySelector(selector);
    apply(element);
    element.dispatchEvent(new Event('change'));
  }
  try {
    step('all', 3);
    set('input[name=severity][value=info]', function (b) { b.checked = false; });
    step('no info', 2);
    set('input[name=severity][value=warning]', function (b) { b.checked = false; });
    step('error only', 1);
    set('input[name=severity][value=warning]', function (b) { b.checked = true; });
    set('input[name=severity][value=info]', function (b) { b.checked = true; });
    set('#fact', function (s) { s.value = 'kim-jong-un'; });
    step('fact kim-jong-un', 1);
    set('#fact', function (s) { s.value = ''; });
    step('reset', 3);
  } catch (e) {
    ok = false;
    log.push('error ' + e);
  }
  document.body.dataset.probe = ok ? 'ok' : 'fail';
  document.body.dataset.probeLog = log.join('; ');
})();
