/* The job page's client side: the elapsed clock and "Updated N seconds ago" tick every second
   between the server's 60-second refreshes; the breakdown closes on Escape; a failed refresh says
   so and offers a retry. */
var costguard = (function () {
  function clock(seconds) {
    seconds = Math.max(0, Math.floor(seconds));
    var d = Math.floor(seconds / 86400), h = Math.floor(seconds / 3600) % 24,
        m = Math.floor(seconds / 60) % 60, s = seconds % 60;
    var pad = function (n) { return (n < 10 ? '0' : '') + n; };
    if (d > 0) return d + 'd ' + h + 'h ' + pad(m) + 'm';
    if (h > 0) return h + 'h ' + pad(m) + 'm ' + pad(s) + 's';
    return m + 'm ' + pad(s) + 's';
  }
  function tick() {
    var now = Date.now();
    document.querySelectorAll('.js-elapsed').forEach(function (el) {
      if (!el.dataset.t0) el.dataset.t0 = now;
      var base = Number(el.dataset.seconds || 0);
      var running = el.dataset.ticking === 'true';
      el.textContent = clock(base + (running ? (now - Number(el.dataset.t0)) / 1000 : 0));
    });
    document.querySelectorAll('.js-ago').forEach(function (el) {
      if (!el.dataset.t0) el.dataset.t0 = now;
      var ago = Math.floor((now - Number(el.dataset.t0)) / 1000);
      el.textContent = 'Updated ' + ago + (ago === 1 ? ' second' : ' seconds') + ' ago';
    });
  }
  setInterval(tick, 1000);
  document.addEventListener('DOMContentLoaded', tick);
  // Bound here, not inline: the Content-Security-Policy runs no inline handler it did not nonce.
  document.addEventListener('click', function (e) {
    if (e.target.closest && e.target.closest('#offline .retry') && window.refreshCost) {
      window.refreshCost();
    }
  });
  document.addEventListener('keydown', function (e) {
    if (e.key !== 'Escape') return;
    var open = document.activeElement && document.activeElement.closest('details[open]');
    if (open) {
      open.open = false;
      open.querySelector('summary').focus();
    }
  });
  return {
    updating: function (on) {
      document.querySelectorAll('.tracker').forEach(function (t) { t.classList.toggle('updating', on); });
      if (!on) {
        var offline = document.getElementById('offline');
        if (offline) offline.hidden = true;
        tick();
      }
    },
    offline: function () {
      var offline = document.getElementById('offline');
      if (offline) offline.hidden = false;
    },
    focusSafeChoice: function () {
      // Continue Training is the safe default: Enter right after opening keeps the job running.
      var button = document.getElementById('job:continueTraining');
      if (button) setTimeout(function () { button.focus(); }, 0);
    },
    focusCancel: function () {
      var button = document.getElementById('job:cancelButton');
      if (button) button.focus();
    }
  };
})();
