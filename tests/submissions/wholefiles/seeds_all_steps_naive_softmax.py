# expect: fail
# function: softmax
# bug: no_max_subtraction
# line: 66
# pass: conv2d_naive conv2d relu max_pool_2d conv2d_backward
# function: conv2d_backward
# function: mini_cnn_forward
"""build-cnn, steps 01 to 06 in one file, with my own checks at the bottom."""
import numpy as np

# ---------------------------------------------------------------- step 01


def conv2d_naive(x, W):
    """x: (C_in, H, W), W: (C_out, C_in, kH, kW) -> (C_out, H - kH + 1, W - kW + 1)"""
    C_out, C_in, kH, kW = W.shape
    _, H, Wd = x.shape
    out = np.zeros((C_out, H - kH + 1, Wd - kW + 1))
    for o in range(C_out):
        for i in range(H - kH + 1):
            for j in range(Wd - kW + 1):
                out[o, i, j] = np.sum(x[:, i : i + kH, j : j + kW] * W[o])
    return out


assert conv2d_naive(np.ones((1, 3, 3)), np.ones((1, 1, 2, 2))).shape == (1, 2, 2)

# ---------------------------------------------------------------- step 02


def conv2d(x, W, padding=0, stride=1):
    C_out, C_in, kH, kW = W.shape
    x = np.pad(x, ((0, 0), (padding, padding), (padding, padding)))
    _, H, Wd = x.shape
    out_h = (H - kH) // stride + 1
    out_w = (Wd - kW) // stride + 1
    out = np.zeros((C_out, out_h, out_w))
    for o in range(C_out):
        for i in range(out_h):
            for j in range(out_w):
                r, c = i * stride, j * stride
                out[o, i, j] = np.sum(x[:, r : r + kH, c : c + kW] * W[o])
    return out


assert conv2d(np.ones((1, 5, 5)), np.ones((1, 1, 3, 3)), padding=1, stride=2).shape == (1, 3, 3)

# ---------------------------------------------------------------- steps 03 and 04


def relu(x):
    return np.maximum(x, 0)


def max_pool_2d(x):
    C, H, W = x.shape
    Ho, Wo = H // 2, W // 2
    out = np.empty((C, Ho, Wo))
    for i in range(Ho):
        for j in range(Wo):
            out[:, i, j] = x[:, 2 * i : 2 * i + 2, 2 * j : 2 * j + 2].max(axis=(1, 2))
    return out


def softmax(z):
    e = np.exp(z)
    return e / e.sum()


# ---------------------------------------------------------------- step 05


def conv2d_backward(grad_out, x, W):
    C_out, C_in, kH, kW = W.shape
    _, oh, ow = grad_out.shape
    dx = np.zeros_like(x, dtype=float)
    dW = np.zeros_like(W, dtype=float)
    for o in range(C_out):
        for i in range(oh):
            for j in range(ow):
                dW[o] += grad_out[o, i, j] * x[:, i : i + kH, j : j + kW]
                dx[:, i : i + kH, j : j + kW] += grad_out[o, i, j] * W[o]
    return dx, dW


# ---------------------------------------------------------------- step 06


def mini_cnn_forward(x, W_conv, W_fc):
    h = max_pool_2d(relu(conv2d_naive(x, W_conv)))  # (C_out, 3, 3)
    return softmax(h.reshape(-1) @ W_fc)


def numeric_grad(f, a, eps=1e-6):
    g = np.zeros_like(a)
    for idx in np.ndindex(a.shape):
        old = a[idx]
        a[idx] = old + eps
        up = f()
        a[idx] = old - eps
        down = f()
        a[idx] = old
        g[idx] = (up - down) / (2 * eps)
    return g


if __name__ == "__main__":
    rng = np.random.default_rng(0)
    x = rng.standard_normal((2, 5, 5))
    W = rng.standard_normal((3, 2, 3, 3))
    dx, dW = conv2d_backward(np.ones((3, 3, 3)), x, W)
    assert np.allclose(dW, numeric_grad(lambda: conv2d_naive(x, W).sum(), W), atol=1e-3)
    assert np.allclose(dx, numeric_grad(lambda: conv2d_naive(x, W).sum(), x), atol=1e-3)
    p = mini_cnn_forward(rng.standard_normal((1, 8, 8)), rng.standard_normal((4, 1, 3, 3)),
                         rng.standard_normal((36, 2)))
    print("probabilities", p, "sum", p.sum())
    print("all checks passed")
