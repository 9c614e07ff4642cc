# expect: pass
# function: mini_cnn_forward
# step 06 in its own file: the helpers come from the learner's earlier steps' files, which are
# not there when it is graded (the imports raise); the capstone uses them
import numpy as np

from step01_conv2d_naive import conv2d_naive
from step03_relu import relu
from step04_pool import max_pool_2d
from step04_softmax import softmax


def mini_cnn_forward(x, W_conv, W_fc):
    feat = conv2d_naive(x, W_conv)  # (C_out, 6, 6)
    feat = relu(feat)
    feat = max_pool_2d(feat)  # (C_out, 3, 3)
    logits = feat.reshape(-1) @ W_fc  # (2,)
    return softmax(logits)


if __name__ == "__main__":
    p = mini_cnn_forward(np.random.randn(1, 8, 8), np.random.randn(4, 1, 3, 3), np.random.randn(36, 2))
    assert abs(p.sum() - 1) < 1e-9
