"""The convolution strategies' kernels, one module per strategy and backend.

Each module computes the three kernels of a convolution (the forward ``y``, the input gradient
``dx`` and the weight gradient ``dw``) in its own way, with its derivation in its docstring;
:mod:`convgrad.convolution` chooses among them by shape.

- :mod:`~convgrad.kernels.im2col`: windows gathered into matrices, one matrix product per group
  (and the ``shift`` variant for stride 1);
- :mod:`~convgrad.kernels.nhwc`: im2col with the channels last (windows gathered as runs of one
  pixel's channels), for groups of one;
- :mod:`~convgrad.kernels.nchw`: im2col image by image in the arrays' own layout (first layers,
  1x1 kernels, 1-D, groups);
- :mod:`~convgrad.kernels.rows`: nhwc with the last kernel axis in the product's output columns
  (stride 1);
- :mod:`~convgrad.kernels.tapmm`: stride 1, one matrix product per kernel tap over channels-last
  images, no gather;
- :mod:`~convgrad.kernels.taps`: one broadcast multiply-add per kernel tap (depthwise);
- :mod:`~convgrad.kernels.taps_numba`: the same, compiled with numba, for any grouped
  convolution (the optional ``convgrad[fast]``);
- :mod:`~convgrad.kernels.winograd`: Winograd F(2x2, 3x3);
- :mod:`~convgrad.kernels.winograd_numba`: the same with its transforms compiled with numba
  (``convgrad[fast]``);
- :mod:`~convgrad.kernels.conv_openvino`: convolutions of groups of one by OpenVINO's CPU
  plugin, oneDNN's compiled kernels, in float32 (``convgrad[fast]``);
- :mod:`~convgrad.kernels.fft`: products of Fourier transforms (large kernels);
- :mod:`~convgrad.kernels.accel`: which backend, NumPy or the accelerators (numba, OpenVINO),
  runs the kernels that have both;
- :mod:`~convgrad.kernels.parallel`: the thread pool the kernels share, and the batch split with
  the BLAS at one thread.
"""
