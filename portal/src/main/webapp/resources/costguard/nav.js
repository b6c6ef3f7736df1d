// On a phone the main navigation folds behind a Menu button. Without this script (or with
// JavaScript off) the navigation simply stays visible, scrolling sideways.
(function () {
  function setUp() {
    var bar = document.querySelector('.topbar');
    var button = document.getElementById('menuButton');
    var nav = document.getElementById('mainNav');
    if (!bar || !button || !nav || bar.classList.contains('collapsible')) {
      return;
    }
    bar.classList.add('collapsible');
    button.addEventListener('click', function () {
      var open = nav.classList.toggle('open');
      button.setAttribute('aria-expanded', open ? 'true' : 'false');
    });
    document.addEventListener('keydown', function (e) {
      if (e.key === 'Escape' && nav.classList.contains('open')) {
        nav.classList.remove('open');
        button.setAttribute('aria-expanded', 'false');
        button.focus();
      }
    });
  }
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', setUp);
  } else {
    setUp();
  }
})();
