// The export page's "select all" box, wired here rather than by the inline onchange
// attribute of django-import-export's template, which the Content-Security-Policy refuses.
document.addEventListener("DOMContentLoaded", () => {
  for (const toggle of document.querySelectorAll(".select-toggle")) {
    toggle.addEventListener("change", onSelectToggleChange); // export_selectable_fields.js
  }
});
