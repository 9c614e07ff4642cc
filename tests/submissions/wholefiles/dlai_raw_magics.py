# expect: fail
# function: conv_single_step
# bug: bias_inside_sum
# line: 22
# pass: zero_pad
# a .py copied out of the notebook by hand: raw % magics, 2-space indents, input()
import numpy as np
import h5py
import matplotlib.pyplot as plt

%matplotlib inline
plt.rcParams['figure.figsize'] = (5.0, 4.0)

%load_ext autoreload
%autoreload 2

np.random.seed(1)
def zero_pad(X,pad):
  X_pad = np.pad(X,((0, 0), (pad, pad), (pad, pad), (0, 0)),'constant',constant_values=0)
  return X_pad
def conv_single_step(a_slice_prev,W,b):
  s = np.multiply(a_slice_prev,W)+b
  Z = np.sum(s)
  return Z
name = input("your name: ")
