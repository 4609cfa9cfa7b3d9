// Hashwork's own page-view counter. The cookie banner loads this file only after the visitor
// allows analytics; it sends the path of each page (never the query) to our own server, which
// sets the analytics cookie. Nothing goes to any other site.
(function () {
  "use strict";
  if (window.hashworkAnalytics) return;
  var stopped = false;
  function send() {
    if (stopped) return;
    try {
      fetch("/api/analytics", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ path: window.location.pathname.slice(0, 200) }),
        credentials: "same-origin",
        keepalive: true,
      })
        .then(function (response) {
          // Refused (consent withdrawn, or the account restricted): stop, and let the page know.
          if (response.status === 403) {
            window.hashworkAnalytics.stop();
            window.dispatchEvent(new Event("hashwork:analytics-refused"));
          }
        })
        .catch(function () {});
    } catch {
      // A failed count is never the visitor's problem.
    }
  }
  window.hashworkAnalytics = {
    stop: function () {
      stopped = true;
      window.removeEventListener("hashwork:pageview", send);
    },
  };
  window.addEventListener("hashwork:pageview", send);
  send();
})();
