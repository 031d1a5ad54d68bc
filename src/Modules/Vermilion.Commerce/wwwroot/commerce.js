// Commerce pages: SKU picker, quantity stepper, copy-free forms. Every form works without this script.
