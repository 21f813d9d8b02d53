// PLACEHOLDER: replaced by the renderer shell.
document.getElementById('app')!.textContent = 'Mixture Lab';
