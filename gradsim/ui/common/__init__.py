"""What every group of the UI uses: theme, plots, wording, dialogs, form fields, redraw helpers."""
