package hasim

import "net/http"

// loginPage stands for Home Assistant's frontend login page, which a
// client gets when a proxy or a wrong path sends it to the web UI.
const loginPage = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Home Assistant</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="manifest" href="/manifest.json" crossorigin="use-credentials">
</head>
<body>
<div class="content">
<ha-authorize><p>Log in to Home Assistant</p></ha-authorize>
</div>
<script type="module" src="/frontend_latest/authorize.js"></script>
</body>
</html>
`

// challengePage stands for a Cloudflare browser challenge, what a client
// gets when Home Assistant sits behind Cloudflare with bot protection on.
const challengePage = `<!DOCTYPE html>
<html lang="en-US">
<head>
<title>Just a moment...</title>
<meta http-equiv="Content-Type" content="text/html; charset=UTF-8">
<meta name="robots" content="noindex,nofollow">
</head>
<body>
<div class="main-wrapper" role="main">
<h1>Checking your browser before accessing the site.</h1>
<p>Enable JavaScript and cookies to continue.</p>
<noscript><div id="challenge-error-title">Please enable JavaScript to proceed.</div></noscript>
</div>
<script src="/cdn-cgi/challenge-platform/h/g/orchestrate/chl_page/v1"></script>
</body>
</html>
`

// writeHTML answers a KindHTML fault.
func writeHTML(w http.ResponseWriter, f Fault) int {
	status := f.Status
	if status == 0 {
		status = http.StatusOK
	}
	page := loginPage
	if f.Page == "challenge" {
		page = challengePage
		w.Header().Set("Server", "cloudflare")
		w.Header().Set("Cf-Mitigated", "challenge")
	}
	return writeBody(w, status, "text/html; charset=utf-8", []byte(page))
}
