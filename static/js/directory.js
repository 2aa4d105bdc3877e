// Progressive enhancement: ticking a filter applies it at once. Without JavaScript the
// "Apply the filters" button does the same.
document.querySelectorAll(".directory__filters input[type=checkbox]").forEach((box) => {
  box.addEventListener("change", () => {
    const form = box.form;
    const page = form.querySelector("input[name=page]");
    if (page) page.remove();
    form.requestSubmit();
  });
});
