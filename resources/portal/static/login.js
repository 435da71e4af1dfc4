// The card slip's QR opens /login#id=LOGIN&pw=PASSWORD. The fragment never reaches the
// server or its logs: it is read here, dropped from the address bar and the history at
// once, and posted with the form like a typed login. A scan while the login page is
// already open changes only the fragment (no new page load), hence the hashchange too.
(function () {
  "use strict";
  function fromSlip() {
    var fragment = new URLSearchParams(window.location.hash.slice(1));
    var id = fragment.get("id");
    var pw = fragment.get("pw");
    if (window.location.hash) {
      history.replaceState(null, "", window.location.pathname + window.location.search);
    }
    if (!id || !pw) {
      return;
    }
    var form = document.getElementById("login-form");
    form.elements.login_id.value = id.slice(0, 40);
    form.elements.password.value = pw.slice(0, 80);
    document.getElementById("scanning").hidden = false;
    form.submit();
  }
  window.addEventListener("hashchange", fromSlip);
  fromSlip();
})();
