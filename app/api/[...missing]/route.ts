// Unknown API addresses answer a JSON 404 for every method, not the HTML 404 page.
const missing = () => Response.json({ error: "Not found" }, { status: 404, headers: { "cache-control": "no-store" } });

export { missing as GET, missing as POST, missing as PUT, missing as PATCH, missing as DELETE };
